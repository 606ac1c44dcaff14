/** Dates as the office prints them: 2026年11月23日, or in Chinese numerals 二〇二六年十一月二十三日 (公文 style). */
export type DateStyle = 'arabic' | 'chinese';

const DIGITS = '〇一二三四五六七八九';

function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]!}十${ones === 0 ? '' : DIGITS[ones]!}`;
}

/**
 * An ISO date (YYYY-MM-DD, or a partial YYYY-MM / YYYY) in the office's style; anything else
 * (a verbatim partial date such as 1947年春) is printed as written.
 */
export function printDate(value: string | null | undefined, style: DateStyle): string {
  if (!value) return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  if (style === 'arabic') return `${y}年${mo ? `${Number(mo)}月` : ''}${d ? `${Number(d)}日` : ''}`;
  const year = [...y!].map((c) => DIGITS[Number(c)]!).join('');
  return `${year}年${mo ? `${chineseNumber(Number(mo))}月` : ''}${d ? `${chineseNumber(Number(d))}日` : ''}`;
}
