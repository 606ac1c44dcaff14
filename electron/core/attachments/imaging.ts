/**
 * sharp (libvips), configured once for an ordinary office PC, and the only place that opens images:
 * - at most 2 libvips threads per image, no libvips operation cache (our derivative files are the
 *   cache; an open-file cache would also keep Windows from renaming or deleting the files);
 * - at most 2 images decoded at a time by this thread, so 180 thumbnails asked for at once
 *   queue instead of decoding 180 scans side by side;
 * - decompression bombs refused: no image over MAX_INPUT_PIXELS, checked from the header before
 *   any pixel is decoded (and by libvips again, per page);
 * - failOn 'error': a truncated or corrupt image fails, harmless warnings do not.
 */
import { availableParallelism } from 'node:os';
import sharp, { type Metadata, type Sharp } from 'sharp';

sharp.concurrency(Math.max(1, Math.min(2, availableParallelism())));
sharp.cache(false);

/** 20,000 × 20,000: an A0 sheet at 600 dpi is 19,866 × 28,087 — larger than any office scan. */
export const MAX_INPUT_PIXELS = 20_000 * 20_000;
const MAX_AT_ONCE = 2;

let active = 0;
const waiting: (() => void)[] = [];

/** Runs `fn` when fewer than MAX_AT_ONCE images are being decoded. */
export async function withImageSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (active >= MAX_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  active++;
  try {
    return await fn();
  } finally {
    active--;
    waiting.shift()?.();
  }
}

/**
 * An image to decode: a plain file's path, or the bytes of one (a sealed attachment, opened by the
 * vault: libvips reads files itself, so it is given the plain bytes, never the sealed file).
 */
export type ImageSource = string | Buffer;

/** One page (0-based) of an image file, with the limits above. */
export function openImage(source: ImageSource, page = 0): Sharp {
  return sharp(source, { page, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', sequentialRead: true });
}

export interface RenderedPage {
  width: number;
  height: number;
}

/**
 * Renders one page as a JPEG (quality 80) no wider than `width` (never enlarged), orientation
 * applied, transparency on white. The caller writes it (sealed or not: derivatives.ts).
 */
export async function renderJpeg(source: ImageSource, page: number, width: number): Promise<RenderedPage & { data: Buffer }> {
  return withImageSlot(async () => {
    const { data, info } = await openImage(source, page)
      .autoOrient()
      .resize({ width, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  });
}

/**
 * The header of one page. Reads no pixels, so the pixel limit is left to the caller, who can then
 * name the claimed size (libvips would only say "exceeds pixel limit").
 */
export async function imageMetadata(path: string, page = 0): Promise<Metadata> {
  return withImageSlot(() => sharp(path, { page, limitInputPixels: false, failOn: 'error' }).metadata());
}

export async function jpegSize(jpeg: Buffer): Promise<RenderedPage> {
  const m = await sharp(jpeg).metadata();
  return { width: m.autoOrient.width, height: m.autoOrient.height };
}
