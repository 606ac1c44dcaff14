/**
 * What the print jobs wired to the screens' data share (the steps the letters and roll jobs take):
 * the fonts folder, today's date, the issuing authority from the settings (refused when unset),
 * the cancel point with progress, and the font check that stops a job before anything is drawn.
 */
import { join } from 'node:path';
import { CoreError } from '../errors';
import type { JobContext } from '../jobs/context';
import { nextSerial } from '../db/issuedDocuments';
import { SettingsStore } from '../settings';
import type { Role } from '../../../shared/contract/roles';
import { CoverageCheck, type UncoveredText } from './fonts';

/** The role of the user who started the job, set by the handler (never by the renderer): masking. */
export interface AsRole {
  role: Role;
}

export function fontsDirOf(ctx: JobContext): string {
  if (!ctx.resourcesDir) throw new Error('the core was started without its resources folder: documents cannot be printed');
  return join(ctx.resourcesDir, 'fonts');
}

/** Today in the machine's time zone. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface Office {
  issuer: string;
  dateStyle: 'arabic' | 'chinese';
  date: string;
}

/** The office's issuing authority, date style and today; refuses when no authority is set. */
export function officeOf(ctx: JobContext): Office {
  const settings = new SettingsStore(ctx.db).get();
  const issuer = settings.issuingAuthority || settings.officeName;
  if (!issuer) {
    throw new CoreError('VALIDATION', {
      zh: '尚未设置发文机关（单位名称）。请管理员在“系统管理 → 单位设置”中填写后再打印。',
      en: 'The issuing authority is not set. An administrator sets it under Administration → Office settings.',
    });
  }
  return { issuer, dateStyle: settings.dateStyle, date: localDay(ctx.now()) };
}

/** The next serial of a kind: `<prefix><year>-000001`. */
export function serialFor(ctx: JobContext, prefix: string): string {
  return nextSerial(ctx.db, `${prefix}${localDay(ctx.now()).slice(0, 4)}`);
}

/** Runs `fill` against the fonts; a character no shipped font covers stops the job, nothing drawn. */
export function checkFonts(fontsDir: string, fill: (check: CoverageCheck) => void): void {
  const check = new CoverageCheck(fontsDir);
  fill(check);
  if (check.problems.length > 0) throw uncoveredError(check.problems);
}

/** Every `every` calls: cancel point and progress. */
export function ticker(ctx: JobContext, total: number, phase: string, every = 20): (index?: number) => void {
  let done = 0;
  return () => {
    done++;
    if (done % every === 0) {
      ctx.throwIfCancelled();
      ctx.progress(done, total, phase);
    }
  };
}

/** The first names of a document's records, for the register's list. */
export function namesOf(names: readonly string[]): string {
  const shown = names.slice(0, 5).join('、') + (names.length > 5 ? ` 等 ${names.length} 名` : '');
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}

export const nothingToPrint = () => new CoreError('VALIDATION', { zh: '没有符合条件的记录，未生成任何文件。', en: 'No records match; nothing was produced.' });

/** Problems listed in the message at most (the rest are counted). */
const LISTED = 30;

const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export function uncoveredError(problems: readonly UncoveredText[]): CoreError {
  const lines = problems.slice(0, LISTED).map((p) => `${p.record} · ${p.field}：${p.characters.map((c) => `${c}（${hex(c)}）`).join('、')}`);
  const more = problems.length > LISTED ? problems.length - LISTED : 0;
  return new CoreError('VALIDATION', {
    zh: `以下内容含有字库中没有的字，无法正确打印（会显示为空框），未生成任何文件。请改用通用字或联系技术支持补充字体：\n${lines.join('\n')}${more ? `\n……另有 ${more} 处` : ''}`,
    en: `These texts contain characters that no shipped font has (they would print as empty boxes); nothing was produced. Use a common character or ask support for a font:\n${lines.join('\n')}${more ? `\n… and ${more} more` : ''}`,
  });
}
