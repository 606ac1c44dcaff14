/**
 * Viewable pages of image attachments, made once and cached:
 *   <dataDir>/derivatives/<sha256>/p<page>-w<width>.jpg
 * Widths snap up to PAGE_WIDTHS (200 … 2400), so a viewer asking for any width reuses a few
 * files per page: 200 for thumbnails, 1600 for reading a 300 dpi A4 scan on an office screen.
 * The cache is disposable (a backup may skip it; deleting it only costs re-rendering). A file is
 * written beside its final name and renamed, so a reader never sees half a JPEG.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { PAGE_WIDTHS } from '../../../shared/contract/attachments';
import { derivativeDir, derivativePath } from './paths';
import { makeDirectory } from '../files/directories';
import { jpegSize, renderJpeg, type RenderedPage } from './imaging';

/** How many pages were rendered by this process (tests check that a cached page is not re-rendered). */
export const derivativeStats = { rendered: 0 };

export const THUMBNAIL_WIDTH = PAGE_WIDTHS[0];

/** The smallest cached width at least `asked`, at most the largest. */
export function snapWidth(asked: number): number {
  return PAGE_WIDTHS.find((w) => w >= asked) ?? PAGE_WIDTHS[PAGE_WIDTHS.length - 1]!;
}

export interface CachedPage extends RenderedPage {
  path: string;
  /** False when the file was already there. */
  rendered: boolean;
}

async function usable(path: string): Promise<boolean> {
  try {
    const handle = await fsp.open(path, 'r');
    try {
      const head = Buffer.alloc(3);
      await handle.read(head, 0, 3, 0);
      // A file cut short by a power cut before the rename reached the disk is rendered again.
      return head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/**
 * The cached JPEG of page `page` (1-based) of the image at `source` whose content is `sha256`,
 * rendered now if missing. `width` must already be snapped.
 */
export async function cachedPage(dataDir: string, sha256: string, source: string, page: number, width: number): Promise<CachedPage> {
  const path = derivativePath(dataDir, sha256, page, width);
  if (await usable(path)) {
    try {
      return { path, rendered: false, ...(await jpegSize(path)) };
    } catch {
      // unreadable: render again below
    }
  }
  await makeDirectory(derivativeDir(dataDir, sha256));
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const size = await renderJpeg(source, page - 1, width, temp);
    derivativeStats.rendered++;
    try {
      await fsp.rename(temp, path);
    } catch (error) {
      // Another call rendered the same page meanwhile and Windows will not replace an open file: use theirs.
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'EPERM' || code === 'EACCES' || code === 'EBUSY') && (await usable(path))) return { path, rendered: true, ...(await jpegSize(path)) };
      throw error;
    }
    return { path, rendered: true, ...size };
  } finally {
    await fsp.rm(temp, { force: true });
  }
}
