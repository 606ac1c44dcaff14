/** Today on this computer's calendar, 'YYYY-MM-DD' (the office's day; the backend checks it again). */
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
