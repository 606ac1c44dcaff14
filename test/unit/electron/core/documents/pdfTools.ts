/**
 * Reading a PDF back with poppler (pdftotext, pdffonts, pdfinfo), as a person checks a print:
 * the text per page, the fonts, the page count and size, and where words are set.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FONTS_DIR = resolve(import.meta.dirname, '../../../../../resources/fonts');

/** Runs `fn` on the PDF written to a temporary file. */
function withFile<T>(pdf: Buffer, fn: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'guangrong-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The text of each page (pdftotext -layout), pages split at form feeds. */
export function pagesText(pdf: Buffer): string[] {
  const all = withFile(pdf, (f) => run('pdftotext', ['-layout', '-enc', 'UTF-8', f, '-']));
  const pages = all.split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages;
}

/** The text in reading order without layout (for phrases spread over a line). */
export function rawText(pdf: Buffer): string {
  return withFile(pdf, (f) => run('pdftotext', ['-enc', 'UTF-8', f, '-']));
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export function fonts(pdf: Buffer): PdfFont[] {
  const out = withFile(pdf, (f) => run('pdffonts', [f]));
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type... encoding emb sub uni object ID: the yes/no flags are the 5th/4th/3rd from the end.
      const n = cols.length;
      return { name: cols[0]!, type: cols.slice(1, n - 6).join(' '), embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes' };
    });
}

export interface PdfInfo {
  pages: number;
  /** Page size in mm (first page). */
  width: number;
  height: number;
}

export function info(pdf: Buffer): PdfInfo {
  const out = withFile(pdf, (f) => run('pdfinfo', [f]));
  const pages = Number(/Pages:\s+(\d+)/.exec(out)![1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out)!;
  const toMm = (pt: string) => (Number(pt) * 25.4) / 72;
  return { pages, width: toMm(size[1]!), height: toMm(size[2]!) };
}

export interface Word {
  page: number;
  text: string;
  /** mm from the page's top-left corner. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word pdftotext finds, with its box in mm. */
export function words(pdf: Buffer): Word[] {
  const html = withFile(pdf, (f) => run('pdftotext', ['-bbox', '-enc', 'UTF-8', f, '-']));
  const out: Word[] = [];
  let page = 0;
  const toMm = (pt: string) => (Number(pt) * 25.4) / 72;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ page, text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'), xMin: toMm(m[1]!), yMin: toMm(m[2]!), xMax: toMm(m[3]!), yMax: toMm(m[4]!) });
  }
  return out;
}

/** Non-empty lines of a page, trimmed. */
export const linesOf = (page: string): string[] => page.split('\n').map((l) => l.trim()).filter((l) => l !== '');
