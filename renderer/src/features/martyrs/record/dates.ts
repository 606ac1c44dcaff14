/**
 * Dates as written in the sources, read as you type (the backend's own rule, shared/rules/
 * partialDate). The period a date of death suggests is shared/rules/historicalPeriod. Pure.
 */
import type { LocalizedText } from '../../../../../shared/contract';
import { formatPartialDate, OPEN_END, OPEN_START, parsePartialDate } from '../../../../../shared/rules/partialDate';

export type DateReading =
  | { kind: 'empty' }
  | { kind: 'ok'; text: string; from: string; to: string; earliest: string; latest: string }
  | { kind: 'bad'; reason: LocalizedText };

/** 1947年春 → { text: 1947年春, from: 1947-03-01, to: 1947-05-31 }; open ends shown as …. */
export function readDate(value: string): DateReading {
  const v = value.trim();
  if (v === '') return { kind: 'empty' };
  const parsed = parsePartialDate(v);
  if (!parsed.ok) return { kind: 'bad', reason: parsed.reason };
  return {
    kind: 'ok',
    text: formatPartialDate(parsed.edtf),
    from: parsed.earliest <= OPEN_START && parsed.edtf.startsWith('..') ? '…' : parsed.earliest,
    to: parsed.latest === OPEN_END ? '…' : parsed.latest,
    earliest: parsed.earliest,
    latest: parsed.latest,
  };
}
