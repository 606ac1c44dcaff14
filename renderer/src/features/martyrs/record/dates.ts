/**
 * Dates as written in the sources, read as you type (the backend's own rule, shared/rules/
 * partialDate), and the historical period a date of death unambiguously falls in. Pure.
 */
import type { LocalizedText, Period } from '../../../../../shared/contract';
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

/**
 * The periods as printed rolls divide them, by date of death. The War to Resist US Aggression and
 * Aid Korea overlaps socialist construction at home, so a death in 1950-10…1953-07 suggests nothing.
 */
const SPANS: { period: Period; from: string; to: string }[] = [
  { period: 'first_civil_war', from: '1924-01-01', to: '1927-07-31' },
  { period: 'agrarian_revolution', from: '1927-08-01', to: '1937-07-06' },
  { period: 'anti_japanese', from: '1937-07-07', to: '1945-09-02' },
  { period: 'liberation', from: '1945-09-03', to: '1949-09-30' },
  { period: 'construction', from: '1949-10-01', to: '1978-12-17' },
  { period: 'new_era', from: '1978-12-18', to: '9999-12-31' },
];
const KOREA = { from: '1950-10-19', to: '1953-07-27' };

/** The one period a date range lies within, or null when it spans two or is ambiguous. */
export function suggestPeriod(earliest: string, latest: string): Period | null {
  if (!earliest || !latest || earliest > latest) return null;
  if (latest >= KOREA.from && earliest <= KOREA.to) return null;
  const span = SPANS.find((s) => earliest >= s.from && latest <= s.to);
  return span ? span.period : null;
}
