/**
 * A source's scans as one run of pages: file 1 pages 1…n, then file 2 … — so "next page" goes on
 * into the next file, as the archivist turns the pages of the roll. Pure.
 */
export interface ScanFile {
  attachmentId: number;
  pages: number;
  /** How the source names the file (its position or label). */
  label: string;
}

export interface ScanSpot {
  attachmentId: number;
  page: number;
}

/** The files to page through: the source's, or just the record's own file when it is not among them. */
export function runOf(files: ScanFile[], spot: ScanSpot | null, ownPages: number | null): ScanFile[] {
  if (!spot || files.some((f) => f.attachmentId === spot.attachmentId)) return files;
  return [{ attachmentId: spot.attachmentId, pages: Math.max(1, ownPages ?? spot.page), label: '' }];
}

/** The place of a spot in the run (1-based) and the run's length in pages; null when not in it. */
export function positionOf(files: ScanFile[], spot: ScanSpot): { n: number; total: number } | null {
  let before = 0;
  let found: number | null = null;
  for (const f of files) {
    if (f.attachmentId === spot.attachmentId && found === null && spot.page >= 1 && spot.page <= f.pages) found = before + spot.page;
    before += f.pages;
  }
  return found === null ? null : { n: found, total: before };
}

/** The spot `delta` pages away within the run, or null past either end. */
export function step(files: ScanFile[], spot: ScanSpot, delta: number): ScanSpot | null {
  const at = positionOf(files, spot);
  if (!at) return null;
  const target = at.n + delta;
  if (target < 1 || target > at.total) return null;
  let before = 0;
  for (const f of files) {
    if (target <= before + f.pages) return { attachmentId: f.attachmentId, page: target - before };
    before += f.pages;
  }
  return null;
}
