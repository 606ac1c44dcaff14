/** Pure helpers of the audit viewer: what changed, and a one-line summary of an entry. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The top-level fields whose values differ between before and after. */
export function changedFields(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** One line for the grid: the simple fields of the record after (or before) the change. */
export function summarize(entry: { before: unknown; after: unknown }, max = 160): string {
  const source = isRecord(entry.after) ? entry.after : isRecord(entry.before) ? entry.before : null;
  if (!source) return '';
  const parts = Object.entries(source)
    .filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
    .map(([k, v]) => `${k}: ${String(v)}`);
  const line = parts.join(' · ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
