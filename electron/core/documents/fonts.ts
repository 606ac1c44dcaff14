/**
 * The fonts documents are printed in: shipped whole (TTF/OTF) with their licences in
 * `resources/fonts/` (DESIGN.md rule 7), so every machine prints the same. pdfkit embeds the
 * subset a document uses.
 *   kai  — LXGW WenKai (霞鹜文楷): letters, certificates, titles
 *   sans — Noto Sans Hans (思源黑体): tables, ledgers, lists
 * Before printing, every text is checked against the font it will be set in: a character no
 * shipped font covers is reported by record and field, never printed as an empty box.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';

export const FONT_FILES = { kai: 'LXGWWenKai-Regular.ttf', sans: 'NotoSansHans-Regular.otf' } as const;
export type FontRole = keyof typeof FONT_FILES;

interface GlyphSource {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const opened = new Map<string, GlyphSource>();

/** The font file of a role; throws a plain Error (an installation fault) when it is missing. */
export function fontPath(fontsDir: string, role: FontRole): string {
  const file = join(fontsDir, FONT_FILES[role]);
  if (!existsSync(file)) throw new Error(`font file missing: ${file}`);
  return file;
}

function glyphs(fontsDir: string, role: FontRole): GlyphSource {
  const file = fontPath(fontsDir, role);
  let font = opened.get(file);
  if (!font) {
    font = fontkit.openSync(file) as unknown as GlyphSource;
    opened.set(file, font);
  }
  return font;
}

/** Characters that are not drawn (line breaks, spaces, controls): never "missing". */
const invisible = /[\s\u200b-\u200f\u2028\u2029\ufeff]/u;

/** The characters of `text` (each once, in order) that the role's font cannot draw. */
export function missingCharacters(fontsDir: string, role: FontRole, text: string): string[] {
  const font = glyphs(fontsDir, role);
  const missing: string[] = [];
  for (const ch of new Set(text)) {
    if (invisible.test(ch)) continue;
    if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.push(ch);
  }
  return missing;
}

/** One text of one record that cannot be printed whole. */
export interface UncoveredText {
  /** What the user knows the record by (a name, a plaque number). */
  record: string;
  field: string;
  characters: string[];
}

/**
 * Collects the texts a document will print, by record and field, and says which cannot be
 * printed whole. Templates call `check` for every text before drawing anything.
 */
export class CoverageCheck {
  readonly problems: UncoveredText[] = [];
  constructor(private readonly fontsDir: string) {}

  check(role: FontRole, record: string, field: string, text: string | null | undefined): void {
    if (!text) return;
    const characters = missingCharacters(this.fontsDir, role, text);
    if (characters.length > 0) this.problems.push({ record, field, characters });
  }
}
