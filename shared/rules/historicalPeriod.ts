/**
 * The historical period (历史时期) a date of death falls in, as printed rolls divide them. The
 * War to Resist US Aggression and Aid Korea overlaps socialist construction at home, so a death
 * in 1950-10 … 1953-07 suggests nothing; so does a range that spans two periods.
 */
import type { Period } from '../contract/martyrs';

export const PERIOD_SPANS: readonly { period: Period; from: string; to: string }[] = [
  { period: 'first_civil_war', from: '1924-01-01', to: '1927-07-31' },
  { period: 'agrarian_revolution', from: '1927-08-01', to: '1937-07-06' },
  { period: 'anti_japanese', from: '1937-07-07', to: '1945-09-02' },
  { period: 'liberation', from: '1945-09-03', to: '1949-09-30' },
  { period: 'construction', from: '1949-10-01', to: '1978-12-17' },
  { period: 'new_era', from: '1978-12-18', to: '9999-12-31' },
];
const KOREA = { from: '1950-10-19', to: '1953-07-27' };

/** The one period a date range (ISO days) lies within, or null when it spans two or is ambiguous. */
export function suggestPeriod(earliest: string, latest: string): Period | null {
  if (!earliest || !latest || earliest > latest) return null;
  if (latest >= KOREA.from && earliest <= KOREA.to) return null;
  const span = PERIOD_SPANS.find((s) => earliest >= s.from && latest <= s.to);
  return span ? span.period : null;
}
