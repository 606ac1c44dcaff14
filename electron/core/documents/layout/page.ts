/**
 * The layout layer every template draws through: positions and sizes in millimetres on A4 (or
 * any size), text boxes with Chinese line breaking, horizontal rules and frames, and a final
 * pass over the buffered pages for running heads and "第 N 页 共 M 页". pdfkit does the PDF.
 *
 * A form offset (套打: the printer's shift of a pre-printed form, calibrated once) moves and
 * scales everything drawn, and `fieldsOnly` leaves out frames and fixed text so that only the
 * filled-in values are printed onto the form.
 */
import PDFDocument from 'pdfkit';
import { fontPath, FONT_FILES, type FontRole } from '../fonts';
import { breakLines, type Line } from './lineBreak';

export const PT_PER_MM = 72 / 25.4;
export const mm = (value: number): number => value * PT_PER_MM;

export const A4 = { width: 210, height: 297 } as const;

export interface FormOffset {
  /** Millimetres right and down (negative: left, up). */
  x: number;
  y: number;
  /** 1 = as designed. */
  scale: number;
}

export const NO_OFFSET: FormOffset = { x: 0, y: 0, scale: 1 };

export interface TextStyle {
  font: FontRole;
  /** Points. */
  size: number;
  /** Line height as a multiple of the size. */
  leading?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Extra space between characters, in points (titles: 字距). */
  tracking?: number;
  /** A fixed text of the form (not printed with fieldsOnly). */
  fixed?: boolean;
  color?: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  /** Text beyond it is cut at a whole line; omitted: no limit. */
  height?: number;
}

export interface DocumentInfo {
  title: string;
  author: string;
  subject?: string;
  /** Page size in mm; A4 portrait by default. */
  size?: { width: number; height: number };
  offset?: FormOffset;
  fieldsOnly?: boolean;
}

export class Layout {
  readonly doc: PDFKit.PDFDocument;
  readonly pageWidth: number;
  readonly pageHeight: number;
  private readonly offset: FormOffset;
  private readonly fieldsOnly: boolean;
  private readonly widths = new Map<string, number>();
  private current: { font: FontRole; size: number } | null = null;

  constructor(fontsDir: string, info: DocumentInfo) {
    const size = info.size ?? A4;
    this.pageWidth = size.width;
    this.pageHeight = size.height;
    this.offset = info.offset ?? NO_OFFSET;
    this.fieldsOnly = info.fieldsOnly ?? false;
    this.doc = new PDFDocument({
      size: [mm(size.width), mm(size.height)],
      margin: 0,
      autoFirstPage: false,
      bufferPages: true,
      compress: true,
      info: { Title: info.title, Author: info.author, Subject: info.subject ?? '', Creator: 'Guangrong 光荣', Producer: 'Guangrong 光荣 (pdfkit)' },
      lang: 'zh-CN',
      displayTitle: true,
    } as PDFKit.PDFDocumentOptions);
    for (const role of Object.keys(FONT_FILES) as FontRole[]) this.doc.registerFont(role, fontPath(fontsDir, role));
  }

  /** Millimetres on the designed page → points on the printed one. */
  private px(x: number): number {
    return mm(this.offset.x + x * this.offset.scale);
  }
  private py(y: number): number {
    return mm(this.offset.y + y * this.offset.scale);
  }
  private pt(size: number): number {
    return size * this.offset.scale;
  }

  addPage(): void {
    this.doc.addPage({ size: [mm(this.pageWidth), mm(this.pageHeight)], margin: 0 });
    this.current = null;
  }

  get pageCount(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count;
  }

  private use(font: FontRole, size: number): void {
    if (this.current?.font === font && this.current.size === size) return;
    this.doc.font(font).fontSize(this.pt(size));
    this.current = { font, size };
  }

  /** Width of `text` in mm, as set in `style` (without scale: the designed width). */
  measure(text: string, style: Pick<TextStyle, 'font' | 'size' | 'tracking'>): number {
    // Tracking goes between characters: none after the last.
    let total = text === '' ? 0 : -(style.tracking ?? 0) / PT_PER_MM;
    for (const ch of text) {
      const key = `${style.font}|${style.size}|${ch}`;
      let w = this.widths.get(key);
      if (w === undefined) {
        this.use(style.font, style.size);
        w = this.doc.widthOfString(ch) / this.offset.scale / PT_PER_MM;
        this.widths.set(key, w);
      }
      total += w + (style.tracking ?? 0) / PT_PER_MM;
    }
    return total;
  }

  /** The height pdfkit gives one line of the font at its size (ascender to descender), in mm. */
  private fontLineHeight(style: Pick<TextStyle, 'font' | 'size'>): number {
    this.use(style.font, style.size);
    return this.doc.currentLineHeight() / this.offset.scale / PT_PER_MM;
  }

  /** Height of one line in mm. */
  lineHeight(style: Pick<TextStyle, 'size' | 'leading'>): number {
    return (style.size * (style.leading ?? 1.5)) / PT_PER_MM;
  }

  /** The lines `text` takes in a box `width` mm wide. */
  lines(text: string, width: number, style: TextStyle): Line[] {
    return breakLines(text, width, (s) => this.measure(s, style));
  }

  /** Height in mm of `text` set in a box `width` mm wide. */
  textHeight(text: string, width: number, style: TextStyle): number {
    return this.lines(text, width, style).length * this.lineHeight(style);
  }

  /**
   * Sets `text` in the box, line by line, and returns the height used (mm). Lines that do not fit
   * the box's height are not drawn; `overflow` says how many.
   */
  text(text: string, box: Box, style: TextStyle): { height: number; overflow: number } {
    const lines = this.lines(text, box.width, style);
    const lineHeight = this.lineHeight(style);
    const fit = box.height === undefined ? lines.length : Math.max(0, Math.floor((box.height + 1e-6) / lineHeight));
    const shown = lines.slice(0, fit);
    if (!(this.fieldsOnly && style.fixed) && shown.some((l) => l.text !== '')) {
      this.use(style.font, style.size);
      const placed = shown.map(({ text: line, last }, i) => {
        const width = this.measure(line, style);
        let x = box.x;
        let tracking = style.tracking ?? 0;
        if (style.align === 'center') x += (box.width - width) / 2;
        else if (style.align === 'right') x += box.width - width;
        else if (style.align === 'justify' && !last && [...line].length > 1) tracking += ((box.width - width) * PT_PER_MM) / ([...line].length - 1);
        // The glyphs' em box centred in the line's height.
        const top = box.y + i * lineHeight + (lineHeight - this.fontLineHeight(style)) / 2;
        return { text: line, x: this.px(x), top: this.py(top), tracking: this.pt(tracking) };
      });
      this.writeText(placed, style.color ?? '#000000');
    }
    return { height: shown.length * lineHeight, overflow: lines.length - shown.length };
  }

  /** A straight line from (x1, y1) to (x2, y2), `weight` in mm. A frame of the form: not printed with fieldsOnly. */
  line(x1: number, y1: number, x2: number, y2: number, weight = 0.25, color = '#000000'): void {
    if (this.fieldsOnly) return;
    this.ops(`q ${num(mm(weight) * this.offset.scale)} w ${rgb(color, 'RG')} ${num(this.px(x1))} ${num(this.py(y1))} m ${num(this.px(x2))} ${num(this.py(y2))} l S Q`);
  }

  rect(x: number, y: number, width: number, height: number, weight = 0.25, color = '#000000'): void {
    if (this.fieldsOnly) return;
    this.ops(`q ${num(mm(weight) * this.offset.scale)} w ${rgb(color, 'RG')} ${this.rectOps(x, y, width, height)} S Q`);
  }

  fillRect(x: number, y: number, width: number, height: number, color: string): void {
    if (this.fieldsOnly) return;
    this.ops(`q ${rgb(color, 'rg')} ${this.rectOps(x, y, width, height)} f Q`);
  }

  private rectOps(x: number, y: number, width: number, height: number): string {
    return `${num(this.px(x))} ${num(this.py(y))} ${num(mm(width * this.offset.scale))} ${num(mm(height * this.offset.scale))} re`;
  }

  /** Raw content operators on the current page (pdfkit's page starts flipped: y runs down, in pt). */
  private ops(content: string): void {
    (this.doc as unknown as PdfKitInternals).addContent(content);
  }

  /**
   * Sets lines of text in one text object: the font once, each line placed relative to the one
   * before (Td), the spacing only when it changes, numbers rounded to 0.01 pt. pdfkit's own
   * `text()` writes a whole text object per call, with its font, state and full-precision
   * numbers: a 1,000-letter batch is a quarter smaller this way, and reads back the same (the
   * glyphs go through pdfkit's font, which records them for the subset and for ToUnicode).
   */
  private writeText(lines: { text: string; x: number; top: number; tracking: number }[], color: string): void {
    const internals = this.doc as unknown as PdfKitInternals;
    const font = internals._font;
    const size = internals._fontSize;
    const page = internals.page;
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    const out = ['q', `1 0 0 -1 0 ${num(page.height)} cm`, rgb(color, 'rg'), 'BT', `/${font.id} ${num(size)} Tf`];
    let at = { x: 0, y: 0 };
    let tc = 0;
    for (const line of lines) {
      if (line.text === '') continue;
      const x = round(line.x);
      const y = round(page.height - line.top - (font.ascender / 1000) * size);
      const tracking = Math.round(line.tracking * 1000) / 1000;
      if (tracking !== tc) out.push(`${tracking} Tc`);
      tc = tracking;
      out.push(`${num(x - at.x)} ${num(y - at.y)} Td`);
      at = { x, y };
      const [glyphs, positions] = font.encode(line.text);
      const parts: string[] = [];
      let run = '';
      glyphs.forEach((g, i) => {
        run += g;
        const p = positions[i]!;
        const adjust = p.xAdvance - p.advanceWidth;
        if (p.xOffset || p.yOffset) throw new Error(`positioned glyphs are not supported: ${line.text}`);
        if (adjust !== 0) {
          parts.push(`<${run}>`, num(-adjust));
          run = '';
        }
      });
      if (run) parts.push(`<${run}>`);
      out.push(parts.length === 1 ? `${parts[0]} Tj` : `[${parts.join(' ')}] TJ`);
    }
    out.push('ET', 'Q');
    internals.addContent(out.join('\n'));
  }

  /** An image (a scan's thumbnail) fitted into the box, keeping its proportions. */
  image(data: Buffer, box: Required<Box>): void {
    this.doc.image(data, this.px(box.x), this.py(box.y), { fit: [mm(box.width * this.offset.scale), mm(box.height * this.offset.scale)], align: 'center', valign: 'center' });
  }

  /**
   * After every page is laid out: draws on each page what needs the total (running heads, page
   * numbers). `draw(page, total)` is called with 1-based page numbers.
   */
  finishPages(draw: (page: number, total: number) => void): void {
    const range = this.doc.bufferedPageRange();
    const total = range.count;
    for (let i = 0; i < total; i++) {
      this.doc.switchToPage(range.start + i);
      this.current = null;
      draw(i + 1, total);
    }
  }

  /** The finished PDF's bytes. */
  async toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.end();
    return done;
  }
}

/** What Layout uses of pdfkit's internals to write its own compact text objects. */
interface PdfKitInternals {
  _font: {
    id: string;
    ascender: number;
    ref(): unknown;
    encode(text: string): [string[], { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[]];
  };
  _fontSize: number;
  page: { fonts: Record<string, unknown>; height: number };
  addContent(content: string): unknown;
}

const round = (n: number): number => Math.round(n * 100) / 100;
/** A number for a content stream: at most two decimals, no "-0". */
const num = (n: number): string => String(round(n) + 0);
/** '#b71c1c' → "0.718 0.11 0.11 rg"; black and greys as one value. */
function rgb(hex: string, op: 'rg' | 'RG'): string {
  const v = [1, 3, 5].map((i) => Math.round((parseInt(hex.slice(i, i + 2), 16) / 255) * 1000) / 1000);
  return v[0] === v[1] && v[1] === v[2] ? `${v[0]} ${op === 'rg' ? 'g' : 'G'}` : `${v.join(' ')} ${op}`;
}

/** "第 N 页 共 M 页" at the foot of the page, centred. */
export function pageNumberText(page: number, total: number): string {
  return `第 ${page} 页 共 ${total} 页`;
}
