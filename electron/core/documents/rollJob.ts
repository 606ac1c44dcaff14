/**
 * The job `documents.roll`: the roll of honour (烈士英名录) as ONE registered PDF — cover, the
 * preface (kept in the settings by documents.printRoll), contents, one section per historical period or
 * division, names in the stroke order the user chose (the records' stored stroke keys, from
 * shared/rules/strokeOrder), only verified records unless the user asked otherwise.
 *
 * As the letters job: read the sections → check every text of every record against the fonts (a
 * character no shipped font covers is reported by record and field; nothing is drawn or written) →
 * draw with progress and cancel → write and register with the audit row in one transaction.
 * Entries are read a page at a time by keyset (db/rollSources) in both passes, never all at once.
 */
import type { JobContext } from '../jobs/context';
import { rollEntries, rollSections, type RollSelection } from '../db/rollSources';
import { CoreError } from '../errors';
import type { RollJobResult, RollOptions } from '../../../shared/contract';
import { checkFonts, fontsDirOf, officeOf, serialFor, ticker } from './printing';
import { registerDocument } from './register';
import { checkRollOfHonour, rollOfHonourPdf, type RollEntry, type RollSection } from './templates/rollOfHonour';

export type RollJobInput = RollOptions;

export async function printRollJob(ctx: JobContext, input: RollJobInput): Promise<RollJobResult> {
  const fontsDir = fontsDirOf(ctx);
  const selection: RollSelection = { sectionBy: input.sectionBy, divisionLevel: input.divisionLevel, includeUnverified: input.includeUnverified };
  const found = rollSections(ctx.db, selection);
  const total = found.reduce((sum, s) => sum + s.count, 0);
  if (total === 0) {
    throw new CoreError('VALIDATION', {
      zh: input.includeUnverified ? '没有可以印入名录的烈士记录，未生成任何文件。' : '没有已审核的烈士记录，未生成任何文件。（可勾选“包含未审核记录”）',
      en: input.includeUnverified ? 'There are no records to print; nothing was produced.' : 'There are no verified records; nothing was produced. (Tick "include unverified records" to print them.)',
    });
  }
  const office = officeOf(ctx);
  const grid = new Set(input.gridSections);
  const sectionsWith = (onEntry: () => void): RollSection[] =>
    found.map((s) => {
      const rows = rollEntries(ctx.db, selection, s.key, input.convention);
      const entries: Iterable<RollEntry> = {
        *[Symbol.iterator]() {
          for (const r of rows) {
            onEntry();
            yield { record: `${r.name}（烈士 #${r.id}）`, name: r.name, nativePlace: r.nativePlace, birth: r.birth, death: r.death, unitAndPost: r.unitAndPost, deathPlace: r.deathPlace };
          }
        },
      };
      return { title: s.title, count: s.count, entries, grid: grid.has(s.key) };
    });
  const serial = serialFor(ctx, 'YL');
  const base = { title: input.title, issuer: office.issuer, dateStyle: office.dateStyle, date: office.date, preface: input.preface, serial };

  ctx.progress(0, total, 'checking');
  checkFonts(fontsDir, (check) => checkRollOfHonour(check, { ...base, sections: sectionsWith(ticker(ctx, total, 'checking', 200)) }));

  ctx.progress(0, total, 'drawing');
  const { pdf, pages } = await rollOfHonourPdf(fontsDir, { ...base, sections: sectionsWith(() => {}) }, ticker(ctx, total, 'drawing', 200));
  ctx.progress(total, total, 'saving');
  ctx.throwIfCancelled();

  const names = found.map((s) => `${s.title} ${s.count} 名`).join('、');
  const documentId = registerDocument(ctx, pdf, {
    serial,
    kind: 'roll',
    title: `${input.title} ${serial}`,
    subject: { ...selection, convention: input.convention, sections: found.map((s) => ({ key: s.key, count: s.count })), gridSections: input.gridSections },
    records: total,
    names: names.length > 200 ? `${names.slice(0, 200)}…` : names,
    pages,
  });
  return { documentId, serial, pages, records: total, sections: found.length };
}
