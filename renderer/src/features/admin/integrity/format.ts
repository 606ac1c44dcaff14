/** Pure helpers of the integrity panel: where a record opens, sizes for people. */

/** The page that opens a record, where the application has one. */
export function recordPath(kind: string, id: number): string | null {
  switch (kind) {
    case 'martyr':
      return `/martyrs/${id}`;
    case 'award':
      return `/honors/awards/${id}`;
    case 'letter':
      return `/honors/letters/${id}`;
    case 'source':
      return '/martyrs/sources';
    default:
      return null;
  }
}

/** 1,234,567 bytes → "1.2 MB" (decimal units, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
