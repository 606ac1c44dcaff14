/**
 * The historical period (历史时期) a date of death falls in, as printed rolls divide them. The
 * War to Resist US Aggression and Aid Korea overlaps socialist construction at home, so a death
 * in 1950-10 … 1953-07 suggests nothing; so does a range that spans two periods.
 */
import type { Period } from '../contract/martyrs';

/** The periods' names as the office writes them (screens, exports, printed documents; the import reads them back). */
export const PERIOD_NAMES_ZH: Readonly<Record<Period, string>> = {
  first_civil_war: '第一次国内革命战争时期',
  agrarian_revolution: '土地革命战争时期',
  anti_japanese: '抗日战争时期',
  liberation: '解放战争时期',
  korea: '抗美援朝战争时期',
  construction: '社会主义革命和建设时期',
  new_era: '改革开放和新时代',
  other: '其他',
};

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
