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
    if (!(this.fieldsOnly && style.fixed)) {
      this.use(style.font, style.size);
      this.doc.fillColor(style.color ?? '#000000');
      shown.forEach(({ text: line, last }, i) => {
        const width = this.measure(line, style);
        let x = box.x;
        let tracking = style.tracking ?? 0;
        if (style.align === 'center') x += (box.width - width) / 2;
        else if (style.align === 'right') x += box.width - width;
        else if (style.align === 'justify' && !last && [...line].length > 1) tracking += ((box.width - width) * PT_PER_MM) / ([...line].length - 1);
        // The glyphs' em box centred in the line's height (pdfkit sets a line from its top).
        const top = box.y + i * lineHeight + (lineHeight - this.fontLineHeight(style)) / 2;
        this.doc.text(line, this.px(x), this.py(top), { lineBreak: false, characterSpacing: this.pt(tracking) });
      });
    }
    return { height: shown.length * lineHeight, overflow: lines.length - shown.length };
  }

  /** A straight line from (x1, y1) to (x2, y2), `weight` in mm. A frame of the form: not printed with fieldsOnly. */
  line(x1: number, y1: number, x2: number, y2: number, weight = 0.25, color = '#000000'): void {
    if (this.fieldsOnly) return;
    this.doc.save().lineWidth(mm(weight) * this.offset.scale).strokeColor(color).moveTo(this.px(x1), this.py(y1)).lineTo(this.px(x2), this.py(y2)).stroke().restore();
  }

  rect(x: number, y: number, width: number, height: number, weight = 0.25, color = '#000000'): void {
    if (this.fieldsOnly) return;
    this.doc.save().lineWidth(mm(weight) * this.offset.scale).strokeColor(color).rect(this.px(x), this.py(y), mm(width * this.offset.scale), mm(height * this.offset.scale)).stroke().restore();
  }

  fillRect(x: number, y: number, width: number, height: number, color: string): void {
    if (this.fieldsOnly) return;
    this.doc.save().fillColor(color).rect(this.px(x), this.py(y), mm(width * this.offset.scale), mm(height * this.offset.scale)).fill().restore();
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

/** "第 N 页 共 M 页" at the foot of the page, centred. */
export function pageNumberText(page: number, total: number): string {
  return `第 ${page} 页 共 ${total} 页`;
}
