/** Pure helpers of the integrity panel: where a record opens. */

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
