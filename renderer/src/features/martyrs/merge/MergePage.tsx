/**
 * 合并 (JOURNEYS.md §1): two records of the same person side by side, every field with both
 * values; for each field that differs a radio chooses the value kept (by default the non-empty one,
 * else the kept record's). The provenance of both is shown and both are kept. A reason is required;
 * 确认合并 sends martyrs.merge with the versions read here and opens the kept record.
 * Keyboard: Tab from field to field, ← → (or ↑ ↓) choose the value, Ctrl+Enter confirms, Esc back.
 */
import { useEffect, useMemo, useState } from 'react';
import { alpha, Alert, Box, Button, IconButton, Radio, Stack, TextField, Tooltip, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import SwapIcon from '@mui/icons-material/SwapHoriz';
import type { ApiError, Martyr } from '../../../../../shared/contract';
import { useClient } from '../../../app/clientContext';
import { navigate } from '../../../app/router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useUser } from '../../auth/SessionProvider';
import { useMartyrLabels, useMartyrsT, type MartyrLabels, type MartyrsKey } from '../i18n';
import { isMod, useShortcuts } from '../keyboard';
import { setFlash } from '../record/drafts';
import { LoadState } from '../LoadState';
import { StatusChip } from '../StatusChip';
import { defaultChoices, differs, mergeKeys, mergePatch, type MergeKey, type Side } from './mergeFields';

const labelKeys: Record<MergeKey, MartyrsKey> = {
  name: 'fields.name',
  unnamed: 'fields.unnamed',
  gender: 'fields.gender',
  ethnicity: 'fields.ethnicity',
  birthDate: 'fields.birthDate',
  nativePlaceText: 'fields.nativePlaceText',
  joinedDate: 'fields.joinedDate',
  partyDate: 'fields.partyDate',
  unitAndPost: 'fields.unitAndPost',
  merits: 'fields.merits',
  deathDate: 'fields.deathDate',
  deathPlaceText: 'fields.deathPlaceText',
  deathCause: 'fields.deathCause',
  period: 'fields.period',
  burialPlace: 'fields.burialPlace',
  cemetery: 'fields.cemetery',
  approvedBy: 'fields.approvedBy',
  approvedDate: 'fields.approvedDate',
  certificateNo: 'fields.certificateNo',
  deeds: 'fields.deeds',
  remarks: 'fields.remarks',
  nextOfKin: 'fields.nextOfKin',
};

function shown(m: Martyr, key: MergeKey, labels: MartyrLabels, yes: string, no: string): string {
  switch (key) {
    case 'gender':
      return labels.gender(m.gender);
    case 'period':
      return labels.period(m.period);
    case 'unnamed':
      return m.unnamed ? yes : no;
    case 'nextOfKin':
      return m.nextOfKin.map((k) => `${k.name}（${labels.relation(k.relation)}${k.note ? `，${k.note}` : ''}）`).join('；');
    case 'nativePlaceText':
      return [m.nativePlaceText, m.nativePlaceFullName && m.nativePlaceFullName !== m.nativePlaceText ? `→ ${m.nativePlaceFullName}` : ''].filter(Boolean).join(' ');
    case 'deathPlaceText':
      return [m.deathPlaceText, m.deathPlaceCode ? `（${m.deathPlaceCode}）` : ''].filter(Boolean).join(' ');
    case 'birthDate':
    case 'joinedDate':
    case 'partyDate':
    case 'deathDate':
    case 'approvedDate':
      return m[key].verbatim;
    default:
      return m[key];
  }
}

export function MergePage({ keepId, mergeId }: { keepId: number; mergeId: number }) {
  const mt = useMartyrsT();
  const labels = useMartyrLabels();
  const client = useClient();
  const user = useUser();
  const [records, setRecords] = useState<{ keep: Martyr; merge: Martyr } | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [choices, setChoices] = useState<Partial<Record<MergeKey, Side>>>({});
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([client.call('martyrs.get', { id: keepId }), client.call('martyrs.get', { id: mergeId })]).then(([a, b]) => {
      if (!live) return;
      if (!a.ok) return setLoadError(a.error);
      if (!b.ok) return setLoadError(b.error);
      setLoadError(null);
      setRecords({ keep: a.value, merge: b.value });
      setChoices(defaultChoices(a.value, b.value));
    });
    return () => {
      live = false;
    };
  }, [client, keepId, mergeId]);

  const differing = useMemo(() => (records ? mergeKeys.filter((k) => differs(records.keep, records.merge, k)) : []), [records]);
  const back = () => navigate(`/martyrs/${keepId}`);
  const blocked = keepId === mergeId ? mt('merge.notSame') : records && (records.keep.deletedAt || records.merge.deletedAt) ? mt('merge.deletedOne') : null;

  const confirm = async () => {
    if (!records || busy || blocked) return;
    setAttempted(true);
    if (reason.trim() === '') {
      document.querySelector<HTMLElement>('[data-testid="merge-reason"]')?.focus();
      return;
    }
    setBusy(true);
    const result = await client.call('martyrs.merge', {
      keepId,
      mergeId,
      keepVersion: records.keep.version,
      mergeVersion: records.merge.version,
      fields: mergePatch(records.keep, records.merge, choices),
      reason: reason.trim(),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setFlash(user.id, mt('merge.done', { name: result.value.name }));
    navigate(`/martyrs/${keepId}`);
  };

  useShortcuts((event) => {
    if (isMod(event) && event.key === 'Enter') {
      event.preventDefault();
      void confirm();
    } else if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      back();
    }
  });

  if (loadError || !records) return <LoadState error={loadError} />;

  const { keep, merge } = records;
  const yes = mt('history.yes');
  const no = mt('history.no');
  const provenance = (m: Martyr) => (
    <Stack spacing={0.25}>
      <span>
        {m.sourceTitle ?? mt('merge.noSource')}
        {m.sourcePage ? ` · ${mt('scan.page', { page: m.sourcePage })}` : ''}
        {m.sourceItem ? ` · ${mt('scan.item', { item: m.sourceItem })}` : ''}
      </span>
      {m.mergedFrom.map((f) => (
        <Typography key={f.id} variant="caption" color="text.secondary">
          {mt('scan.mergedFrom')} #{f.id} {f.sourceTitle ?? mt('merge.noSource')}
          {f.sourcePage ? ` · ${mt('scan.page', { page: f.sourcePage })}` : ''}
        </Typography>
      ))}
      <Typography variant="caption" color="text.secondary">
        {mt('record.version', { version: m.version })} · {mt('record.updated', { by: m.updatedBy, at: formatDateTime(m.updatedAt) })}
      </Typography>
    </Stack>
  );

  const cell = (m: Martyr, key: MergeKey, side: Side, differ: boolean) => {
    const text = shown(m, key, labels, yes, no);
    const chosen = differ && choices[key] === side;
    const id = `merge-${key}-${side}`;
    return (
      <Box
        component="td"
        sx={{
          bgcolor: (theme) => (chosen ? alpha(theme.palette.success.main, 0.1) : 'transparent'),
          color: differ && !chosen ? 'text.secondary' : 'text.primary',
          textDecoration: differ && !chosen && text ? 'line-through' : 'none',
        }}
      >
        {differ ? (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
            <Radio
              size="small"
              checked={chosen}
              onChange={() => setChoices((c) => ({ ...c, [key]: side }))}
              value={side}
              name={`merge-${key}`}
              slotProps={{ input: { id, 'aria-label': `${mt(labelKeys[key])}: ${text || mt('merge.empty')}`, 'data-testid': `merge-field-${key}-${side}` } as React.InputHTMLAttributes<HTMLInputElement> }}
              sx={{ p: 0.25 }}
            />
            <Box component="label" htmlFor={id} sx={{ cursor: 'pointer', whiteSpace: 'pre-wrap', pt: 0.25, maxHeight: 160, overflow: 'auto' }}>
              {text || <Typography component="span" variant="body2" color="text.disabled">{mt('merge.empty')}</Typography>}
            </Box>
          </Stack>
        ) : (
          <Box sx={{ whiteSpace: 'pre-wrap', maxHeight: 120, overflow: 'auto' }}>{text}</Box>
        )}
      </Box>
    );
  };

  return (
    <Stack spacing={1.25} sx={{ flex: 1, minHeight: 0 }} data-testid="martyr-merge">
      <Stack direction="row" spacing={1.25} sx={{ alignItems: 'center', flexShrink: 0 }}>
        <Tooltip title={mt('form.backHint')}>
          <IconButton onClick={back} aria-label={mt('form.back')} size="small" data-testid="merge-back">
            <ArrowBackIcon />
          </IconButton>
        </Tooltip>
        <Typography variant="h6" component="h1">
          {mt('merge.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {mt('merge.differing', { count: differing.length })}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button startIcon={<SwapIcon />} onClick={() => navigate(`/martyrs/merge/${mergeId}/${keepId}`)} data-testid="merge-swap">
          {mt('merge.swap')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ flexShrink: 0 }}>
        {mt('merge.lead')}
      </Typography>
      {blocked ? <Alert severity="error">{blocked}</Alert> : null}
      <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
        <Box
          component="table"
          sx={{
            borderCollapse: 'collapse',
            width: '100%',
            tableLayout: 'fixed',
            fontSize: '0.875rem',
            '& th, & td': { borderBottom: 1, borderColor: 'divider', px: 1.25, py: 0.6, textAlign: 'left', verticalAlign: 'top' },
            '& th[scope=row]': { bgcolor: '#f8f9fa', fontWeight: 600, color: 'text.secondary', width: 170 },
            '& thead th': { position: 'sticky', top: 0, bgcolor: '#f1f3f5', zIndex: 1 },
          }}
        >
          <thead>
            <tr>
              <Box component="th" sx={{ width: 170 }}>
                {mt('merge.field')}
              </Box>
              <th>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <a href={`#/martyrs/${keep.id}`}>{mt('merge.keep', { id: keep.id })}</a>
                  <StatusChip status={keep.status} />
                </Stack>
              </th>
              <th>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <a href={`#/martyrs/${merge.id}`}>{mt('merge.merged', { id: merge.id })}</a>
                  <StatusChip status={merge.status} />
                </Stack>
              </th>
            </tr>
          </thead>
          <tbody>
            <tr data-testid="merge-provenance">
              <th scope="row">{mt('merge.provenance')}</th>
              <td>{provenance(keep)}</td>
              <td>{provenance(merge)}</td>
            </tr>
            {mergeKeys.map((key) => {
              const differ = differing.includes(key);
              return (
                <Box component="tr" key={key} data-testid={`merge-field-${key}`} data-differs={differ} data-choice={differ ? choices[key] : 'same'} role={differ ? 'radiogroup' : undefined} aria-label={differ ? mt(labelKeys[key]) : undefined}>
                  <th scope="row">
                    {mt(labelKeys[key])}
                    {!differ ? (
                      <Typography component="span" variant="caption" color="text.disabled" sx={{ ml: 0.75, fontWeight: 400 }}>
                        {mt('merge.same')}
                      </Typography>
                    ) : null}
                  </th>
                  {cell(keep, key, 'keep', differ)}
                  {cell(merge, key, 'merge', differ)}
                </Box>
              );
            })}
          </tbody>
        </Box>
      </Box>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start', flexShrink: 0 }}>
        <TextField
          label={mt('merge.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          error={attempted && reason.trim() === ''}
          helperText={attempted && reason.trim() === '' ? mt('merge.reasonRequired') : mt('merge.reasonHelp')}
          sx={{ flex: '0 1 560px' }}
          size="small"
          autoComplete="off"
          slotProps={{ htmlInput: { 'data-testid': 'merge-reason', maxLength: 500 }, inputLabel: { shrink: true } }}
        />
        <Button variant="contained" color="warning" onClick={() => void confirm()} disabled={busy || Boolean(blocked)} data-testid="merge-confirm" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
          {mt('merge.confirm')} (Ctrl+Enter)
        </Button>
        <Box sx={{ flex: 1 }} />
        <Typography variant="caption" color="text.secondary" sx={{ maxWidth: 360 }}>
          {mt('merge.keysHint')}
        </Typography>
      </Stack>
      <ApiErrorAlert error={error} />
    </Stack>
  );
}
