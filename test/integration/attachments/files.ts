/**
 * Test files for the attachment tests, made on the fly: images with sharp, a multi-page TIFF
 * (sharp's `join: { animated: true }` writes one TIFF page per input), minimal PDFs written as
 * text (with a correct cross-reference table, or with their objects in a compressed object
 * stream), and a PNG whose header claims 100,000 × 100,000 pixels.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function solid(width: number, height: number, background: string) {
  return sharp({ create: { width, height, channels: 3, background } });
}

export const makeJpeg = (width = 640, height = 480, background = '#a04030') =>
  solid(width, height, background).composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#fff"/></svg>`) }]).jpeg({ quality: 90 }).toBuffer();

export const makePng = (width = 500, height = 300, background = '#2060a0') => solid(width, height, background).png().toBuffer();

/** A TIFF with one page per colour (each page 300 × 400 unless sizes are given). */
export async function makeTiff(colours: string[], options: { width?: number; height?: number; compression?: 'lzw' | 'none' | 'deflate' } = {}): Promise<Buffer> {
  const pages = await Promise.all(colours.map((c) => solid(options.width ?? 300, options.height ?? 400, c).png().toBuffer()));
  const input = pages.length === 1 ? pages[0]! : pages;
  return sharp(input, pages.length === 1 ? {} : { join: { animated: true } }).tiff({ compression: options.compression ?? 'lzw' }).toBuffer();
}

/** An A4 page scanned at 300 dpi (2480 × 3508), greyscale with paper grain, LZW: like a register scan. */
export async function makeA4Scan(): Promise<Buffer> {
  const grain = await sharp({ create: { width: 2480, height: 3508, channels: 3, background: '#eeeeee', noise: { type: 'gaussian', mean: 225, sigma: 12 } } })
    .greyscale()
    .png()
    .toBuffer();
  const lines = Array.from({ length: 60 }, (_, i) => `<rect x="200" y="${250 + i * 50}" width="${1500 + ((i * 37) % 500)}" height="18" fill="#333"/>`).join('');
  return sharp(grain)
    .composite([{ input: Buffer.from(`<svg width="2480" height="3508">${lines}</svg>`) }])
    .greyscale()
    .withMetadata({ density: 300 })
    .tiff({ compression: 'lzw' })
    .toBuffer();
}

/** A PDF with `pages` empty A4 pages and a correct xref table. */
export function minimalPdf(pages: number): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'),
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A PDF 1.5 whose catalog, page tree and pages live in a compressed object stream (no plain /Type /Page in the file). */
export function objectStreamPdf(pages: number): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i} 0 R`).join(' ');
  const members = [
    [2, '<< /Type /Catalog /Pages 3 0 R >>'],
    [3, `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`],
    ...Array.from({ length: pages }, (_, i) => [4 + i, '<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>'] as [number, string]),
  ] as [number, string][];
  let header = '';
  let content = '';
  for (const [num, text] of members) {
    header += `${num} ${content.length} `;
    content += `${text}\n`;
  }
  const raw = Buffer.from(header + content, 'latin1');
  const packed = deflateSync(raw);
  const head = Buffer.from(`%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /N ${members.length} /First ${header.length} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`, 'latin1');
  const tail = Buffer.from(`\nendstream\nendobj\n${20} 0 obj\n<< /Type /XRef /Root 2 0 R /Size 21 /W [1 2 1] /Length 0 >>\nstream\n\nendstream\nendobj\nstartxref\n0\n%%EOF\n`, 'latin1');
  return Buffer.concat([head, packed, tail]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A tiny, valid-looking PNG whose header claims width × height pixels (a decompression bomb). */
export function bombPng(width = 100_000, height = 100_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  // The first rows of zeros: a few hundred bytes that would inflate to 30 GB.
  const idat = deflateSync(Buffer.alloc(width * 3 + 1));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}

export const truncate = (bytes: Buffer, fraction = 0.6) => bytes.subarray(0, Math.floor(bytes.length * fraction));
