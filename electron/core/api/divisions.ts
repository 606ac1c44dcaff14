/** Administrative divisions: the search box, the cascading picker, and loading a county's villages. */
import { defineHandlers } from '../context';
import { CoreError, notFound } from '../errors';
import { childDivisions, countDivisionsByLevel, getDivision, searchDivisions } from '../db/divisions';
import { divisionPrefix } from '../../../shared/rules/divisionCode';

function classify(query: string): { kind: 'code' | 'latin' | 'name'; value: string } {
  const q = query.normalize('NFKC').trim();
  if (/^\d+$/.test(q)) return { kind: 'code', value: q.slice(0, 12) };
  if (/^[a-z\s']+$/i.test(q)) return { kind: 'latin', value: q.toLowerCase().replace(/[\s']/g, '') };
  return { kind: 'name', value: q.replace(/\s+/g, '') };
}

export const divisionHandlers = defineHandlers({
  'divisions.search': (input, ctx) => {
    if (input.query === '') return [];
    const within = input.within ? (divisionPrefix(input.within) ?? input.within) : undefined;
    return searchDivisions(ctx.db, { ...classify(input.query), withinPrefix: within, maxLevel: input.maxLevel, limit: input.limit });
  },
  'divisions.get': (input, ctx) => {
    const division = getDivision(ctx.db, input.code);
    if (!division) throw notFound({ zh: `区划 ${input.code}`, en: `Division ${input.code}` });
    return division;
  },
  'divisions.children': (input, ctx) => childDivisions(ctx.db, input.parentCode),
  'divisions.stats': (_input, ctx) => ({ byLevel: countDivisionsByLevel(ctx.db) }),
  'divisions.importCsv': (input, ctx) => {
    const user = ctx.requireUser();
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length === 0) throw new CoreError('BAD_FILE', { zh: '文件是空的。', en: 'The file is empty.' });
    const job = ctx.jobs.start('divisions.importCsv', { fileName: input.fileName, bytes: new Uint8Array(bytes) }, { userId: user.id, username: user.username });
    return { jobId: job.id };
  },
  'divisions.loadBuiltIn': (input, ctx) => {
    const user = ctx.requireUser();
    const county = getDivision(ctx.db, input.countyCode);
    if (!county || county.level !== 3) throw new CoreError('VALIDATION', { zh: '请选择一个县级区划。', en: 'Choose a county-level division.' });
    const job = ctx.jobs.start('divisions.loadBuiltIn', { countyCode: input.countyCode }, { userId: user.id, username: user.username });
    return { jobId: job.id };
  },
});
