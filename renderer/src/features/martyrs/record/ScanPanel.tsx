/**
 * The left side of the entry form: where the record comes from — the provenance (source, page,
 * item) and the scanned page itself (ScanViewer: zoom, rotate, pan). The pages of all the source's
 * scans run on as one (sources.scans); turning a page points the record at it, and "save and next"
 * keeps that page for the next record. Scans are added here too: stored (attachments) and put at the
 * end of the chosen source. The record's region on the page is drawn in the viewer (Alt+B from the
 * form, or its button) and cleared with Alt+X; drawing on a page not yet linked links it.
 */
import { useEffect, useRef, useState } from 'react';
import { alpha, Box, Button, Chip, LinearProgress, Paper, Stack, Tooltip, Typography } from '@mui/material';
import ImageIcon from '@mui/icons-material/ImageOutlined';
import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import LinkIcon from '@mui/icons-material/AddLinkOutlined';
import type { ApiError, Martyr, Source } from '../../../../../shared/contract';
import type { Attachment } from '../../../../../shared/contract/attachments';
import { useClient } from '../../../app/clientContext';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useMartyrLabels, useMartyrsT } from '../i18n';
import { ScanViewer } from './scan/ScanViewer';
import { positionOf, runOf, step, type ScanFile, type ScanSpot } from './scan/sequence';
import type { Region } from './scan/region';
import { uploadScan } from '../../../lib/upload';

interface Props {
  source: Source | null;
  page: string;
  item: string;
  scanAttachmentId: number | null;
  scanPage: number | null;
  scanRegion: Region | null;
  readOnly: boolean;
  /** Point the record at a page of a scan (null: at none), and at a region of it (none unless given). */
  onScan: (spot: ScanSpot | null, region?: Region | null) => void;
  /** Records merged into this one, each with its own provenance. */
  mergedFrom?: Martyr['mergedFrom'];
  /** Lets the page turn the scan (Alt+PageUp / Alt+PageDown) and draw or clear the region (Alt+B, Alt+X). */
  controlsRef?: React.RefObject<ScanControls | null>;
}

export interface ScanControls {
  turn: (delta: number) => void;
  toggleDrawing: () => void;
  /** Esc from the form: ends drawing mode if it is on (true), else leaves Esc to the page. */
  stopDrawing: () => boolean;
  clearRegion: () => void;
}

export function ScanPanel({ source, page, item, scanAttachmentId, scanPage, scanRegion, readOnly, mergedFrom = [], onScan, controlsRef }: Props) {
  const mt = useMartyrsT();
  const labels = useMartyrLabels();
  const client = useClient();
  const fileRef = useRef<HTMLInputElement | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const sourceId = source?.id ?? null;

  // The source's scans, in order.
  const [files, setFiles] = useState<{ sourceId: number | null; files: ScanFile[] }>({ sourceId: null, files: [] });
  const [filesTick, setFilesTick] = useState(0);
  useEffect(() => {
    if (sourceId === null) return;
    let live = true;
    void client.call('sources.scans', { sourceId }).then((r) => {
      if (live) setFiles({ sourceId, files: r.ok ? r.value.map((s) => ({ attachmentId: s.attachment.id, pages: s.attachment.pages, label: s.label })) : [] });
    });
    return () => {
      live = false;
    };
  }, [client, sourceId, filesTick]);
  const sourceFiles = files.sourceId === sourceId && sourceId !== null ? files.files : [];

  // What is shown: the record's page, else (not linked yet) the first page of the source's scans.
  const linked: ScanSpot | null = scanAttachmentId ? { attachmentId: scanAttachmentId, page: scanPage ?? 1 } : null;
  const first = sourceFiles[0];
  const shown: ScanSpot | null = linked ?? (first ? { attachmentId: first.attachmentId, page: 1 } : null);

  const [meta, setMeta] = useState<{ id: number; value: Attachment | null; error: ApiError | null } | null>(null);
  const shownId = shown?.attachmentId ?? null;
  useEffect(() => {
    if (shownId === null) return;
    let live = true;
    void client.call('attachments.get', { id: shownId }).then((r) => {
      if (live) setMeta({ id: shownId, value: r.ok ? r.value : null, error: r.ok ? null : r.error });
    });
    return () => {
      live = false;
    };
  }, [client, shownId]);
  const attachment = meta && meta.id === shownId ? meta.value : null;

  const run = runOf(sourceFiles, shown, attachment?.pages ?? null);
  const at = shown ? positionOf(run, shown) : null;
  const go = (delta: number) => {
    if (!shown || readOnly) return;
    const next = step(run, shown, delta);
    if (next) onScan(next);
  };
  // Drawing mode ends when the page changes.
  const [drawingOn, setDrawingOn] = useState<string | null>(null);
  const spotKey = shown ? `${shown.attachmentId}:${shown.page}` : null;
  const drawing = !readOnly && drawingOn !== null && drawingOn === spotKey;
  const setDrawing = (on: boolean) => setDrawingOn(on ? spotKey : null);
  const onRegion = (region: Region | null) => {
    if (!shown || readOnly) return;
    if (region || linked) onScan(shown, region);
  };
  // The page's shortcuts always reach the latest state.
  useEffect(() => {
    if (!controlsRef) return;
    controlsRef.current = {
      turn: go,
      toggleDrawing: () => shown && setDrawing(!drawing),
      stopDrawing: () => {
        if (drawing) setDrawing(false);
        return drawing;
      },
      clearRegion: () => scanRegion && onRegion(null),
    };
  });
  useEffect(
    () => () => {
      if (controlsRef) controlsRef.current = null;
    },
    [controlsRef],
  );

  const attach = async (chosen: FileList | null) => {
    const list = chosen ? Array.from(chosen) : [];
    if (list.length === 0) return;
    setError(null);
    setProgress(0);
    const ids: number[] = [];
    for (const [i, file] of list.entries()) {
      const result = await uploadScan(client, file, (f) => setProgress((i + f) / list.length));
      if (!result.ok) {
        setProgress(null);
        setError(result.error);
        break;
      }
      ids.push(result.value.id);
    }
    if (ids.length > 0 && sourceId !== null) {
      const added = await client.call('sources.attachScans', { sourceId, attachmentIds: ids });
      if (!added.ok) setError(added.error);
      setFilesTick((t) => t + 1);
    }
    setProgress(null);
    if (ids[0] !== undefined) onScan({ attachmentId: ids[0], page: 1 });
  };

  const where = [page.trim() ? mt('scan.page', { page: page.trim() }) : '', item.trim() ? mt('scan.item', { item: item.trim() }) : ''].filter(Boolean).join(' · ');
  return (
    <Paper variant="outlined" sx={{ height: '100%', display: 'flex', flexDirection: 'column', overflow: 'hidden' }} data-testid="scan-panel">
      <Box sx={{ px: 2, py: 1, borderBottom: 1, borderColor: 'divider', bgcolor: '#f8f9fa' }}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
          <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.6, flex: 1 }}>
            {mt('scan.provenance')}
          </Typography>
          {!readOnly && shown && !linked ? (
            <Button size="small" startIcon={<LinkIcon fontSize="small" />} onClick={() => onScan(shown)} data-testid="scan-link" data-nav-skip>
              {mt('scan.link')}
            </Button>
          ) : null}
          {readOnly ? null : (
            <>
              <input
                ref={fileRef}
                type="file"
                hidden
                multiple
                accept="image/jpeg,image/png,image/tiff,application/pdf,.tif,.tiff"
                data-testid="scan-file"
                onChange={(e) => {
                  void attach(e.target.files);
                  e.target.value = '';
                }}
              />
              <Tooltip title={sourceId === null ? mt('scan.chooseHintNoSource') : mt('scan.chooseHint')}>
                <Button size="small" startIcon={<UploadIcon fontSize="small" />} onClick={() => fileRef.current?.click()} disabled={progress !== null} data-testid="scan-choose" data-nav-skip>
                  {mt('scan.choose')}
                </Button>
              </Tooltip>
            </>
          )}
        </Stack>
        {source ? (
          <Stack spacing={0.5} data-testid="scan-provenance">
            <Typography variant="body1" sx={{ fontWeight: 600, wordBreak: 'break-all' }}>
              《{source.title}》
            </Typography>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Chip size="small" variant="outlined" label={labels.sourceKind(source.kind)} />
              {where ? <Typography variant="body2">{where}</Typography> : null}
            </Stack>
          </Stack>
        ) : (
          <Typography variant="body2" color="text.secondary" data-testid="scan-provenance">
            {mt('scan.noSource')}
            {where ? ` ${where}` : ''}
          </Typography>
        )}
        {mergedFrom.length > 0 ? (
          <Box sx={{ mt: 0.75 }} data-testid="scan-merged-from">
            <Typography variant="caption" color="text.secondary">
              {mt('scan.mergedFrom')}
            </Typography>
            {mergedFrom.map((m) => (
              <Typography key={m.id} variant="body2" sx={{ fontSize: '0.8125rem' }}>
                {m.sourceTitle ? `《${m.sourceTitle}》` : mt('scan.noSource')} {[m.sourcePage ? mt('scan.page', { page: m.sourcePage }) : '', m.sourceItem ? mt('scan.item', { item: m.sourceItem }) : ''].filter(Boolean).join(' · ')} <Box component="a" href={`#/martyrs/${m.id}`} sx={{ color: 'text.secondary' }}>#{m.id}</Box>
              </Typography>
            ))}
          </Box>
        ) : null}
        {progress !== null ? <LinearProgress variant="determinate" value={progress * 100} sx={{ mt: 0.75 }} data-testid="scan-progress" /> : null}
        <ApiErrorAlert error={error} onClose={() => setError(null)} sx={{ mt: 0.75 }} />
      </Box>
      {shown ? (
        <>
          {!linked ? (
            <Typography variant="caption" sx={{ px: 2, py: 0.5, bgcolor: '#fff8e1', color: 'text.secondary' }} data-testid="scan-not-linked">
              {mt('scan.notLinked')}
            </Typography>
          ) : null}
          <ScanViewer
            attachment={attachment}
            attachmentId={shown.attachmentId}
            page={shown.page}
            error={meta && meta.id === shownId ? meta.error : null}
            position={at ? mt('scan.pageOf', { page: at.n, pages: at.total }) : mt('scan.pageOf', { page: shown.page, pages: attachment?.pages ?? '…' })}
            canPrev={!readOnly && Boolean(step(run, shown, -1))}
            canNext={!readOnly && Boolean(step(run, shown, 1))}
            onPrev={() => go(-1)}
            onNext={() => go(1)}
            region={linked ? scanRegion : null}
            onRegion={readOnly ? undefined : onRegion}
            drawing={drawing}
            onDrawing={setDrawing}
          />
        </>
      ) : (
        <Box
          sx={{
            flex: 1,
            minHeight: 160,
            display: 'grid',
            placeItems: 'center',
            p: 3,
            '@container record (max-width: 900px)': { display: 'none' },
            bgcolor: (theme) => alpha(theme.palette.secondary.main, 0.04),
            backgroundImage: 'repeating-linear-gradient(45deg, transparent 0 12px, rgba(69,90,100,0.03) 12px 24px)',
          }}
        >
          <Stack spacing={1} sx={{ alignItems: 'center', textAlign: 'center', maxWidth: 300 }} data-testid="scan-empty">
            <ImageIcon sx={{ fontSize: 44, color: 'text.disabled' }} />
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {mt('scan.noScan')}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {mt('scan.noScanLead')}
            </Typography>
          </Stack>
        </Box>
      )}
    </Paper>
  );
}
