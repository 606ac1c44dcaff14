/** Formatting for people: local times as yyyy-MM-dd HH:mm:ss, whatever the language. */
const pad = (n: number) => String(n).padStart(2, '0');

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Thousands separators for counts (never for years). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
