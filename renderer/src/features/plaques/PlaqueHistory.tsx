import { useMemo } from 'react';
import { Box, Typography } from '@mui/material';
import type { PlaqueEvent } from '../../../../shared/contract/plaques';
import { replaceReasons, takeBackReasons, qualificationBases } from '../../../../shared/contract/plaques';
import { plaqueCategories } from '../../../../shared/rules/plaque';
import { readableReason } from './eventText';
import { usePlaquesT, type PlaquesT } from './i18n';

/** The codes plaque events keep, in the screen's words. */
export function useReasonWords(): (text: string) => string {
  const pt = usePlaquesT();
  const codes = useMemo(() => reasonCodes(pt), [pt]);
  return (text: string) => readableReason(text, codes);
}

function reasonCodes(pt: PlaquesT): Record<string, string> {
  const codes: Record<string, string> = {};
  for (const r of takeBackReasons) codes[r] = pt(`takeBackReasons.${r}`);
  for (const r of replaceReasons) codes[r] = pt(`replaceReasons.${r}`);
  for (const c of plaqueCategories) codes[c] = pt(`categories.${c}`);
  for (const b of qualificationBases) codes[b] = pt(`basis.${b}`);
  return codes;
}

/** A household's plaque history, newest first: date, number, step → status, reason, document, note, who. */
export function PlaqueHistory({ events }: { events: readonly PlaqueEvent[] }) {
  const pt = usePlaquesT();
  const words = useReasonWords();
  return (
    <Box component="ol" sx={{ m: 0, pl: 0, listStyle: 'none' }} data-testid="plaque-history">
      {events.map((ev) => {
        const detail = [ev.reason && ev.reason !== ev.action ? words(ev.reason) : '', ev.documentNo, words(ev.note)].filter(Boolean).join(' · ');
        return (
          <Box component="li" key={ev.id} sx={{ py: 0.5, borderBottom: 1, borderColor: 'divider' }}>
            <Typography variant="body2">
              <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums', color: 'text.secondary', mr: 1 }}>{ev.date ?? ev.at.slice(0, 10)}</Box>
              <b>{ev.action === 'make' ? pt('actions.make') : pt(`actions.${ev.action}`)}</b> → {pt(`statuses.${ev.toStatus}`)}
              <Box component="span" sx={{ color: 'text.secondary' }}> · {ev.plaqueNumber} · {ev.username}</Box>
            </Typography>
            {detail && <Typography variant="body2" color="text.secondary">{detail}</Typography>}
          </Box>
        );
      })}
    </Box>
  );
}
