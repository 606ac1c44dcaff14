/** The installation: version and data folder; the office settings. */
import { defineHandlers } from '../context';
import { currentVersion } from '../db/migrate';
import { CoreError } from '../errors';
import { divisionExists } from '../db/divisions';
import { getAwardClass } from '../db/awardClasses';
import { checkPlaqueNumberPattern } from '../../../shared/rules/plaque';
import type { Settings } from '../../../shared/contract';

/**
 * Plaque number patterns are checked when saved, with the rule the numbering uses: a bad one stored
 * would make every plaque.make fail, and would fail the settings' own parse on the next start.
 */
function checkPatterns(input: Partial<Settings>): void {
  const patterns: [string, string][] = [];
  if (input.plaqueNumberPattern !== undefined) patterns.push(['plaqueNumberPattern', input.plaqueNumberPattern]);
  for (const [county, pattern] of Object.entries(input.plaqueNumberPatterns ?? {})) patterns.push([`plaqueNumberPatterns.${county}`, pattern]);
  const bad = patterns.map(([path, pattern]) => ({ path, check: checkPlaqueNumberPattern(pattern) })).filter((p) => !p.check.ok);
  if (bad.length === 0) return;
  const first = bad[0]!.check;
  if (first.ok) return;
  throw new CoreError('VALIDATION', first.reason, bad.map((b) => ({ path: b.path, message: b.check.ok ? first.reason : b.check.reason })));
}

export const appHandlers = defineHandlers({
  'app.info': (_input, ctx) => ({
    version: ctx.info.version,
    schemaVersion: currentVersion(ctx.db),
    dataDir: ctx.user ? ctx.dataDir : '',
    portable: ctx.info.portable,
  }),
  'settings.get': (_input, ctx) => ctx.settings.get(),
  'settings.update': (input, ctx) => {
    if (input.homeDivisionCode && !divisionExists(ctx.db, input.homeDivisionCode)) {
      throw new CoreError('VALIDATION', { zh: '所选区划不存在。', en: 'The chosen division does not exist.' });
    }
    checkPatterns(input);
    const unknownClass = Object.keys(input.letterWordings ?? {}).find((id) => !getAwardClass(ctx.db, Number(id)));
    if (unknownClass) {
      throw new CoreError('VALIDATION', { zh: `喜报措辞所属的奖励类别（${unknownClass}）不存在。`, en: `The award class ${unknownClass} of a letter wording does not exist.` });
    }
    return ctx.write((audit) => {
      const before = ctx.settings.get();
      const after = ctx.settings.write(input);
      audit({ entity: 'settings', entityId: null, action: 'update', before, after });
      return after;
    });
  },
});
