/** The installation: version and data folder; the office settings. */
import { defineHandlers } from '../context';
import { currentVersion } from '../db/migrate';
import { CoreError } from '../errors';
import { divisionExists } from '../db/divisions';

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
    return ctx.write((audit) => {
      const before = ctx.settings.get();
      const after = ctx.settings.write(input);
      audit({ entity: 'settings', entityId: null, action: 'update', before, after });
      return after;
    });
  },
});
