/**
 * 导入 (JOURNEYS.md §2), the screen every import kind shares (martyrs' roll, plaque ledger, award
 * list): choose or drop an .xlsx / .csv → it is sent in chunks → preview: the sheet, the title
 * rows greyed above the header found (click another row to make it the header), one field per
 * column (the remembered or detected mapping marked), the first rows, the skipped blank and 合计
 * rows → one all-or-nothing job → "已导入 N 条" with the kind's link, or every problem by row and
 * the error rows to download. Nothing is ever half-imported. The kind gives its methods
 * (`<kind>.importPreview`, `<kind>.import`), its title and lead, and optionally its own controls
 * beside the start button (the martyrs' source) and their input.
 */
import { useState } from 'react';
import { Alert, AlertTitle, Box, Button, Chip, LinearProgress, Paper, Stack, TextField, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFileOutlined';
import DownloadIcon from '@mui/icons-material/DownloadOutlined';
import type { ReactNode } from 'react';
import type { ApiError, Job } from '../../../../shared/contract';
import type { ImportPreview } from '../../../../shared/contract/martyrImport';
import { useClient } from '../../app/clientContext';
import { hrefOf } from '../../app/router';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { JobProgress } from '../JobProgress';
import { useLang } from '../../i18n';
import { formatCount } from '../../lib/format';
import { downloadBase64 } from '../../lib/download';
import { uploadFile } from '../../lib/upload';
import { ImportPreviewTable } from './ImportPreviewTable';
import { useImportsT } from './i18n';
import { headerRowOf, missingRequired, PROBLEMS_SHOWN, readImportResult, remap, type ImportOutcome } from './importResult';

type Stage =
  | { kind: 'choose' }
  | { kind: 'uploading'; name: string; progress: number }
  | { kind: 'preview'; uploadId: string; name: string }
  | { kind: 'running'; jobId: number }
  | { kind: 'finished'; job: Job; outcome: ImportOutcome };

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

export type ImportKind = 'martyrs' | 'plaques' | 'awards';

export interface SpreadsheetImportProps {
  kind: ImportKind;
  title: string;
  lead: string;
  /** Under "已导入 N 条". */
  doneLead: string;
  /** Where to see what was imported. */
  show: { href: string; label: string };
  /** The kind's own controls beside the start button, and what they add to the import's input. */
  extra?: { controls: ReactNode; input: Record<string, unknown> };
  testId: string;
}

export function SpreadsheetImport({ kind, title, lead, doneLead, show, extra, testId }: SpreadsheetImportProps) {
  const mt = useImportsT();
  const client = useClient();
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [error, setError] = useState<ApiError | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [loading, setLoading] = useState(false);
  const [dragging, setDragging] = useState(false);

  const load = async (uploadId: string, input: { sheet?: string; headerRow?: number }) => {
    setLoading(true);
    const result = await client.call(`${kind}.importPreview`, { uploadId, ...input });
    setLoading(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setPreview(result.value);
    setMapping(result.value.mapping);
  };

  const send = async (file: File) => {
    setError(null);
    setPreview(null);
    setStage({ kind: 'uploading', name: file.name, progress: 0 });
    const sent = await uploadFile(client, file, (progress) => setStage({ kind: 'uploading', name: file.name, progress }));
    if (!sent.ok) {
      setStage({ kind: 'choose' });
      return setError(sent.error);
    }
    setStage({ kind: 'preview', uploadId: sent.value.uploadId, name: file.name });
    await load(sent.value.uploadId, {});
  };

  const start = async () => {
    if (stage.kind !== 'preview' || !preview) return;
    setLoading(true);
    const result = await client.call(`${kind}.import`, {
      uploadId: stage.uploadId,
      sheet: preview.sheet,
      ...(preview.headerRow === null ? {} : { headerRow: preview.headerRow }),
      mapping,
      ...extra?.input,
    });
    setLoading(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setStage({ kind: 'running', jobId: result.value.jobId });
  };

  const restart = () => {
    setStage({ kind: 'choose' });
    setPreview(null);
    setError(null);
  };

  const missing = preview ? missingRequired(preview.columns, mapping) : [];
  const { pick } = useLang();
  const labelOf = (key: string) => {
    const c = preview?.columns.find((x) => x.key === key);
    return c ? pick(c.label) : key;
  };

  return (
    <Stack spacing={1.5} sx={{ flex: 1, minHeight: 0, overflow: 'auto', pb: 2 }} data-testid={testId}>
      <Box>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {lead}
        </Typography>
      </Box>
      <ApiErrorAlert error={error} />

      {stage.kind === 'choose' ? (
        <Paper
          variant="outlined"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            const file = e.dataTransfer.files[0];
            if (file) void send(file);
          }}
          sx={{ p: 4, borderStyle: 'dashed', borderWidth: 2, textAlign: 'center', bgcolor: dragging ? 'action.hover' : 'background.paper', maxWidth: 720 }}
          data-testid="import-drop"
        >
          <UploadFileIcon color="action" sx={{ fontSize: 40 }} />
          <Box sx={{ mt: 1 }}>
            <Button variant="contained" component="label" autoFocus>
              {mt('choose')}
              <input
                hidden
                type="file"
                accept={ACCEPT}
                data-testid="import-file"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void send(file);
                }}
              />
            </Button>
          </Box>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {mt('drop')}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {mt('fileTypes')}
          </Typography>
        </Paper>
      ) : null}

      {stage.kind === 'uploading' ? (
        <Paper variant="outlined" sx={{ p: 2, maxWidth: 720 }} data-testid="import-uploading">
          <Typography variant="body2" sx={{ mb: 1 }}>
            {mt('uploading', { name: stage.name })}
          </Typography>
          <LinearProgress variant="determinate" value={stage.progress * 100} sx={{ height: 6, borderRadius: 3 }} />
        </Paper>
      ) : null}

      {stage.kind === 'preview' ? (
        <>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            <Chip icon={<UploadFileIcon />} label={stage.name} variant="outlined" />
            {preview && preview.sheetNames.length > 1 ? (
              <TextField
                select
                size="small"
                label={mt('sheet')}
                value={preview.sheet}
                disabled={loading}
                onChange={(e) => void load(stage.uploadId, { sheet: e.target.value })}
                slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'import-sheet' }, inputLabel: { shrink: true } }}
                sx={{ minWidth: 180 }}
              >
                {preview.sheetNames.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </TextField>
            ) : preview ? (
              <Typography variant="body2" color="text.secondary">
                {mt('sheet')}：{preview.sheet}
              </Typography>
            ) : null}
            {preview ? (
              <Chip
                size="small"
                color={preview.mappingSource === 'none' ? 'warning' : preview.mappingSource === 'saved' ? 'success' : 'info'}
                label={mt(preview.mappingSource === 'saved' ? 'mappingSaved' : preview.mappingSource === 'detected' ? 'mappingDetected' : 'mappingNone')}
                data-testid="import-mapping-source"
                data-source={preview.mappingSource}
              />
            ) : null}
            <Box sx={{ flex: 1 }} />
            <Button onClick={restart} disabled={loading}>
              {mt('another')}
            </Button>
          </Stack>
          {loading && !preview ? <LinearProgress /> : null}
          {preview ? (
            <>
              <Typography variant="body2" color="text.secondary">
                {preview.headerRow === null ? mt('noHeader') : `${mt('headerRow', { row: preview.headerRow + 1 })} · ${mt('headerHint')}`}
              </Typography>
              <ImportPreviewTable
                preview={preview}
                mapping={mapping}
                busy={loading}
                onMap={(column, key) => setMapping((m) => remap(m, column, key))}
                onHeader={(rowNumber) => void load(stage.uploadId, { sheet: preview.sheet, headerRow: headerRowOf(rowNumber) })}
              />
              <SkippedNote preview={preview} />
              {missing.length > 0 ? (
                <Alert severity="error" data-testid="import-missing">
                  {mt('missing', { fields: missing.map(labelOf).join('、') })}
                </Alert>
              ) : null}
              <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
                {extra?.controls}
                <Button
                  variant="contained"
                  size="large"
                  onClick={() => void start()}
                  disabled={loading || missing.length > 0 || preview.headerRow === null}
                  data-testid="import-start"
                  title={mt('startHint')}
                >
                  {mt('start')}
                </Button>
              </Stack>
            </>
          ) : null}
        </>
      ) : null}

      {stage.kind === 'running' ? (
        <Box sx={{ maxWidth: 720 }}>
          <JobProgress jobId={stage.jobId} onFinished={(job) => setStage({ kind: 'finished', job, outcome: readImportResult(job.result) })} />
        </Box>
      ) : null}

      {stage.kind === 'finished' ? <Finished job={stage.job} outcome={stage.outcome} doneLead={doneLead} show={show} onAgain={restart} /> : null}
    </Stack>
  );
}

function SkippedNote({ preview }: { preview: ImportPreview }) {
  const mt = useImportsT();
  const notes: string[] = [];
  if (preview.skipped.blankRows > 0) notes.push(mt('skippedBlank', { count: preview.skipped.blankRows }));
  if (preview.skipped.totalRows.length > 0) notes.push(mt('skippedTotals', { rows: preview.skipped.totalRows.join('、') }));
  if (preview.skipped.headerRows.length > 0) notes.push(mt('skippedHeaders', { rows: preview.skipped.headerRows.join('、') }));
  if (notes.length === 0) return null;
  return (
    <Typography variant="body2" color="text.secondary" data-testid="import-skipped">
      {notes.join('；')}
    </Typography>
  );
}

function Finished({ job, outcome, doneLead, show, onAgain }: { job: Job; outcome: ImportOutcome; doneLead: string; show: SpreadsheetImportProps['show']; onAgain: () => void }) {
  const mt = useImportsT();
  const { pick } = useLang();
  const client = useClient();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    const file = await client.call('imports.errorFile', { jobId: job.id });
    setBusy(false);
    if (!file.ok) return setError(file.error);
    setError(null);
    downloadBase64(file.value.fileName, file.value.dataBase64);
  };

  const again = (
    <Button onClick={onAgain} data-testid="import-again">
      {mt('again')}
    </Button>
  );

  if (job.status === 'cancelled' || job.status === 'failed') {
    return (
      <Stack spacing={1} sx={{ maxWidth: 720 }}>
        <Alert severity={job.status === 'cancelled' ? 'warning' : 'error'} data-testid="import-not-done">
          {job.status === 'failed' && job.error ? <AlertTitle>{pick(job.error.message)}</AlertTitle> : null}
          {mt(job.status === 'cancelled' ? 'cancelled' : 'failed')}
        </Alert>
        <Box>{again}</Box>
      </Stack>
    );
  }
  if (outcome.kind === 'done') {
    return (
      <Stack spacing={1} sx={{ maxWidth: 720 }}>
        <Alert severity="success" data-testid="import-done" data-count={outcome.imported}>
          <AlertTitle>{mt('done', { count: formatCount(outcome.imported) })}</AlertTitle>
          {doneLead}
        </Alert>
        <Stack direction="row" spacing={1}>
          <Button variant="contained" href={hrefOf(show.href)} data-testid="import-show">
            {show.label}
          </Button>
          {again}
        </Stack>
      </Stack>
    );
  }
  if (outcome.kind === 'rejected') {
    const shown = outcome.problems.slice(0, PROBLEMS_SHOWN);
    return (
      <Stack spacing={1.5}>
        <Alert severity="error" data-testid="import-rejected">
          <AlertTitle>{mt('rejected', { rows: formatCount(outcome.rowsWithProblems), count: formatCount(outcome.problemCount) })}</AlertTitle>
          {mt('rejectedLead')}
        </Alert>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          {outcome.hasErrorFile ? (
            <Button variant="contained" startIcon={<DownloadIcon />} onClick={() => void download()} disabled={busy} data-testid="import-download-errors">
              {mt('downloadErrors')}
            </Button>
          ) : null}
          <Typography variant="body2" color="text.secondary">
            {mt('errorsHint')}
          </Typography>
          <Box sx={{ flex: 1 }} />
          {again}
        </Stack>
        <ApiErrorAlert error={error} />
        {outcome.problemCount > shown.length ? (
          <Typography variant="caption" color="text.secondary">
            {mt('problemsShown', { shown: formatCount(shown.length), count: formatCount(outcome.problemCount) })}
          </Typography>
        ) : null}
        <Box
          component="table"
          data-testid="import-problems"
          sx={{
            borderCollapse: 'collapse',
            fontSize: '0.875rem',
            maxWidth: 960,
            '& th, & td': { border: 1, borderColor: 'divider', px: 1.25, py: 0.5, textAlign: 'left', verticalAlign: 'top' },
            '& th': { bgcolor: '#f8f9fa', fontWeight: 600 },
          }}
        >
          <thead>
            <tr>
              <th>{mt('colRow')}</th>
              <th>{mt('colColumn')}</th>
              <th>{mt('colReason')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p, i) => (
              <tr key={`${p.row}-${p.column ?? ''}-${i}`} data-row={p.row}>
                <Box component="td" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {mt('problemRow', { row: p.row })}
                </Box>
                <td>{p.header ?? p.column ?? ''}</td>
                <td>{pick(p.message)}</td>
              </tr>
            ))}
          </tbody>
        </Box>
      </Stack>
    );
  }
  return (
    <Stack spacing={1} sx={{ maxWidth: 720 }}>
      <Alert severity="info">{mt('failed')}</Alert>
      <Box>{again}</Box>
    </Stack>
  );
}
