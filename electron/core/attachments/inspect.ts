/**
 * What a file really is, decided by its content (never its name or the declared mime):
 * JPEG, PNG, TIFF (one or many pages) or PDF. Anything else, an empty file, an image cut short,
 * an image whose header says one format and whose data another, or an image too large to decode
 * safely (a decompression bomb) is refused with BAD_FILE and a message naming the file.
 *
 * Images are decoded once here (page 1, into the 200-wide thumbnail of the derivative cache), so
 * a stored image is known to display. TIFFs are also walked page by page (tiff.ts) so a file cut
 * short in its last page is caught without decoding every page.
 *
 * What is inspected is always an upload being stored (tmp/uploads, plain while it arrives: see
 * uploads.ts), never a stored blob, so it is read by path here (tiff.ts and pdf.ts too); only the
 * thumbnail it makes goes through the vault (sealed when the installation is encrypted).
 */
import { open, readFile } from 'node:fs/promises';
import type { AttachmentMime } from '../../../shared/contract/attachments';
import { CoreError } from '../errors';
import type { Vault } from '../crypto/vault';
import { cachedPage, THUMBNAIL_WIDTH } from './derivatives';
import { imageMetadata, MAX_INPUT_PIXELS } from './imaging';
import { countPdfPages } from './pdf';
import { walkTiff } from './tiff';

export interface ContentInfo {
  mime: AttachmentMime;
  pages: number;
  /** First page as displayed; null for PDF. */
  width: number | null;
  height: number | null;
}

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** The type by magic bytes, or null. */
export function sniff(head: Buffer): AttachmentMime | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(head, [0x49, 0x49, 0x2b, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2b])) return 'image/tiff';
  // The PDF header may follow a few bytes of junk (readers accept it within the first 1,024).
  if (head.subarray(0, 1024).indexOf('%PDF-', 0, 'latin1') >= 0) return 'application/pdf';
  return null;
}

/** A guess at what an unsupported file is, for the message. */
function whatItLooksLike(head: Buffer): { zh: string; en: string } | null {
  const ascii = head.toString('latin1', 0, 16);
  if (ascii.startsWith('GIF8')) return { zh: 'GIF 动图', en: 'a GIF' };
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return { zh: 'WebP 图片', en: 'a WebP image' };
  if (ascii.startsWith('BM')) return { zh: 'BMP 图片', en: 'a BMP image' };
  if (ascii.slice(4, 12).startsWith('ftyp')) return { zh: 'HEIC/HEIF 照片或视频', en: 'a HEIC/HEIF photo or a video' };
  if (ascii.startsWith('PK')) return { zh: '压缩包或 Office 文档', en: 'a ZIP archive or an Office document' };
  if (/^\s*<(\?xml|svg)/i.test(ascii)) return { zh: 'SVG/XML 文件', en: 'an SVG/XML file' };
  if (!head.subarray(0, 512).some((b) => b < 0x09 || (b > 0x0d && b < 0x20))) return { zh: '文本文件', en: 'a text file' };
  return null;
}

const names: Record<AttachmentMime, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/tiff': 'TIFF', 'application/pdf': 'PDF' };
const sharpFormat: Record<Exclude<AttachmentMime, 'application/pdf'>, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/tiff': 'tiff' };

function bad(fileName: string, zh: string, en: string): CoreError {
  return new CoreError('BAD_FILE', { zh: `文件“${fileName}”${zh}未保存。`, en: `The file “${fileName}” ${en} Nothing was saved.` });
}

function tooLarge(fileName: string, width: number, height: number, page?: number): CoreError {
  const where = page ? { zh: `第 ${page} 页`, en: `page ${page} ` } : { zh: '', en: '' };
  return bad(
    fileName,
    `${where.zh}声称有 ${width} × ${height} 像素，超过 20000 × 20000 的上限（可能是恶意构造的“解压炸弹”图片）。`,
    `claims ${where.en}${width} × ${height} pixels, over the 20,000 × 20,000 limit (possibly a “decompression bomb”).`,
  );
}

async function readHead(path: string): Promise<{ head: Buffer; size: number }> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, 1024, 0);
    return { head: head.subarray(0, bytesRead), size: (await handle.stat()).size };
  } finally {
    await handle.close();
  }
}

async function inspectPdf(path: string, fileName: string): Promise<ContentInfo> {
  const counted = countPdfPages(await readFile(path));
  if (counted.ok) return { mime: 'application/pdf', pages: counted.pages, width: null, height: null };
  if (counted.reason === 'truncated') throw bad(fileName, '是不完整的 PDF（文件末尾缺少结束标记，可能下载或复制中断）。', 'is an incomplete PDF (its end-of-file marker is missing: an interrupted download or copy?).');
  if (counted.reason === 'encrypted') throw bad(fileName, '是加密的 PDF，无法读取页数。请先用原软件去除密码后再上传。', 'is an encrypted PDF whose pages cannot be counted. Remove the password in the program that made it, then upload it again.');
  throw bad(fileName, '以 PDF 标记开头，但无法解析其页面结构（文件已损坏或不是真正的 PDF）。', 'starts like a PDF but its page tree cannot be parsed (it is damaged or not really a PDF).');
}

/**
 * Checks the file and answers its type, pages and size. Renders the 200-wide thumbnail of page 1
 * into the derivative cache under `sha256` (the decode check).
 */
export async function inspectFile(path: string, fileName: string, cache: { dataDir: string; sha256: string; vault: Vault }): Promise<ContentInfo> {
  const { head, size } = await readHead(path);
  if (size === 0) throw bad(fileName, '是空的（0 字节），', 'is empty (0 bytes).');
  const mime = sniff(head);
  if (mime === null) {
    const guess = whatItLooksLike(head);
    const is = guess ? { zh: `看起来是${guess.zh}，`, en: `looks like ${guess.en}, ` } : { zh: '', en: '' };
    throw bad(
      fileName,
      `${is.zh}不是 JPEG、PNG、TIFF 或 PDF 文件（按文件内容判断，与扩展名无关）。请转换为这几种格式之一再上传。`,
      `${is.en}not a JPEG, PNG, TIFF or PDF file (judged by its content, whatever its extension). Convert it to one of these and upload it again.`,
    );
  }
  if (mime === 'application/pdf') return inspectPdf(path, fileName);

  let tiffPages: number | null = null;
  if (mime === 'image/tiff') {
    const walked = walkTiff(path);
    if (!walked.ok) throw bad(fileName, `是损坏的 TIFF 文件：${walked.reason.zh}。`, `is a damaged TIFF: ${walked.reason.en}.`);
    walked.pages.forEach((p, i) => {
      if (p.width * p.height > MAX_INPUT_PIXELS) throw tooLarge(fileName, p.width, p.height, walked.pages.length > 1 ? i + 1 : undefined);
    });
    tiffPages = walked.pages.length;
  }

  let meta: Awaited<ReturnType<typeof imageMetadata>>;
  try {
    meta = await imageMetadata(path);
  } catch {
    throw bad(fileName, `的文件头是 ${names[mime]}，但无法读取图像信息（文件已损坏或被截断）。`, `has a ${names[mime]} header but its image information cannot be read (damaged or truncated).`);
  }
  if (meta.format !== sharpFormat[mime]) {
    throw bad(fileName, `的文件头是 ${names[mime]}，内容却是 ${String(meta.format).toUpperCase()}，文件类型不一致。`, `has a ${names[mime]} header but ${String(meta.format).toUpperCase()} content: its type is inconsistent.`);
  }
  if (meta.width * meta.height > MAX_INPUT_PIXELS) throw tooLarge(fileName, meta.width, meta.height);
  const pages = tiffPages ?? 1;
  if (tiffPages !== null && (meta.pages ?? 1) !== tiffPages) {
    throw bad(fileName, `的页数无法确定（页目录记有 ${tiffPages} 页，解码器读出 ${meta.pages ?? 1} 页）。`, `has an uncertain page count (${tiffPages} page directories, the decoder reads ${meta.pages ?? 1}).`);
  }
  try {
    await cachedPage(cache.dataDir, cache.sha256, async () => path, 1, THUMBNAIL_WIDTH, cache.vault);
  } catch (error) {
    // A full disk or a read-only folder while writing the thumbnail is not the file's fault.
    if ((error as NodeJS.ErrnoException).code !== undefined) throw error;
    const detail = error instanceof Error && /pixel limit/i.test(error.message);
    if (detail) throw tooLarge(fileName, meta.width, meta.height);
    throw bad(fileName, '的图像数据不完整或已损坏，无法显示（常见原因：复制或扫描中断导致文件被截断）。', 'has incomplete or damaged image data and cannot be displayed (often a copy or scan cut short).');
  }
  return { mime, pages, width: meta.autoOrient.width, height: meta.autoOrient.height };
}
