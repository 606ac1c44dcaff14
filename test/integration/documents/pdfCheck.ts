/** Reading printed documents back with poppler, shared by the documents' integration tests. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const documentFile = (dataDir: string, serial: string) => join(dataDir, 'documents', `${serial}.pdf`);
export const documentFiles = (dataDir: string) => (existsSync(join(dataDir, 'documents')) ? readdirSync(join(dataDir, 'documents')) : []);

/** The text, spaces removed (table cells are laid out in columns). */
export const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, '');

/** Every font embedded, as a subset. */
export function expectSubsetFonts(file: string): void {
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) {
    expect(line).toMatch(/^[A-Z]{6}\+/);
    expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
  }
}

export function pdfInfo(file: string): { pages: number; size: string } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), size: /Page size:\s+(.*)/.exec(info)?.[1] ?? '' };
}

/** A character of CJK Extension G that no shipped font has (U+30000). */
export const UNCOVERED = String.fromCodePoint(0x30000);
