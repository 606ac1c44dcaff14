/**
 * Viewable pages of image attachments, made once and cached:
 *   <dataDir>/derivatives/<sha256>/p<page>-w<width>.jpg
 * Widths snap up to PAGE_WIDTHS (200 … 2400), so a viewer asking for any width reuses a few
 * files per page: 200 for thumbnails, 1600 for reading a 300 dpi A4 scan on an office screen.
 * The cache is disposable (a backup may skip it; deleting it only costs re-rendering). A file is
 * written beside its final name and renamed, so a reader never sees half a JPEG.
 *
 * A page shows a scan, so in an encrypted installation it is stored sealed like the scan itself
 * (vault.seal), and made from the scan's plain bytes opened by the vault: the plain JPEG exists
 * only in memory. Reading accepts a plain or a sealed cached file (made before set-up, or after).
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { PAGE_WIDTHS } from '../../../shared/contract/attachments';
import { fileIsSealed } from '../crypto/sealed';
import type { Vault } from '../crypto/vault';
import { derivativeDir, derivativePath } from './paths';
import { makeDirectory } from '../files/directories';
import { jpegSize, renderJpeg, type ImageSource, type RenderedPage } from './imaging';

/** How many pages were rendered by this process (tests check that a cached page is not re-rendered). */
export const derivativeStats = { rendered: 0 };

export const THUMBNAIL_WIDTH = PAGE_WIDTHS[0];

/** The smallest cached width at least `asked`, at most the largest. */
export function snapWidth(asked: number): number {
  return PAGE_WIDTHS.find((w) => w >= asked) ?? PAGE_WIDTHS[PAGE_WIDTHS.length - 1]!;
}

export interface CachedPage extends RenderedPage {
  path: string;
  /** The page's plain JPEG bytes. */
  data: Buffer;
  /** False when the file was already there. */
  rendered: boolean;
}

const isJpeg = (bytes: Buffer) => bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

/** The cached page's plain JPEG, or null when it is missing or unusable (then it is rendered again). */
async function cached(path: string, vault: Vault): Promise<Buffer | null> {
  try {
    const data = await vault.readFile(path);
    // A file cut short by a power cut before the rename reached the disk is rendered again
    // (a sealed one then fails to open: FILE_DAMAGED, caught here too).
    return isJpeg(data) ? data : null;
  } catch {
    return null;
  }
}

/**
 * The cached JPEG of page `page` (1-based) of the image whose content is `sha256`, rendered now
 * if missing from `source()` (asked only then: opening a sealed scan costs its decryption).
 * `width` must already be snapped.
 */
export async function cachedPage(dataDir: string, sha256: string, source: () => Promise<ImageSource>, page: number, width: number, vault: Vault): Promise<CachedPage> {
  const path = derivativePath(dataDir, sha256, page, width);
  const existing = await cached(path, vault);
  if (existing) {
    try {
      return { path, data: existing, rendered: false, ...(await jpegSize(existing)) };
    } catch {
      // unreadable: render again below
    }
  }
  await makeDirectory(derivativeDir(dataDir, sha256));
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const rendered = await renderJpeg(await source(), page - 1, width);
    derivativeStats.rendered++;
    // Written by Node, not libvips: a full disk or a write-protected folder then fails with its
    // code (ENOSPC, EROFS…), which callers tell apart from a picture that does not decode.
    await fsp.writeFile(temp, vault.seal(rendered.data));
    try {
      await fsp.rename(temp, path);
    } catch (error) {
      // Another call rendered the same page meanwhile and Windows will not replace an open file: use theirs.
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'EPERM' || code === 'EACCES' || code === 'EBUSY') && (await cached(path, vault))) return { path, rendered: true, ...rendered };
      throw error;
    }
    return { path, rendered: true, ...rendered };
  } finally {
    await fsp.rm(temp, { force: true });
  }
}

/**
 * What libvips decodes for a stored blob: its path when it is plain (read in place, a 300 MB TIFF
 * never held whole), its plain bytes from the vault when it is sealed. Missing: ENOENT.
 */
export async function blobImageSource(path: string, vault: Vault): Promise<ImageSource> {
  return fileIsSealed(path) ? vault.readFile(path) : path;
}
