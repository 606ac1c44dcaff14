import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileOffset } from '../../../../../electron/core/documents/printerProfiles';
import { CoreError } from '../../../../../electron/core/errors';
import { defaultSettings } from '../../../../../electron/core/settings';
import type { Settings } from '../../../../../shared/contract';

const withProfiles = (letter: Settings['printerProfiles']['letter']): Settings => ({ ...defaultSettings, printerProfiles: { letter, slip: {} } });
const laser = { x: 1.5, y: -0.5, scale: 1 };

function refusal(run: () => unknown): CoreError | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof CoreError ? error : null;
  }
}

describe('profileOffset', () => {
  it('finds a profile by its name, a name like constructor included', () => {
    const settings = withProfiles({ 办公室激光: laser, constructor: { x: 2, y: 2, scale: 1 } });
    expect(profileOffset(settings, 'letter', '办公室激光')).toEqual(laser);
    expect(profileOffset(settings, 'letter', 'constructor')).toEqual({ x: 2, y: 2, scale: 1 });
    expect(profileOffset(settings, 'letter', null)).toEqual({ x: 0, y: 0, scale: 1 });
  });

  // Bug: a missing profile named after an Object.prototype member (constructor, toString,
  // __proto__…) was "found" — a function or Object.prototype printed as an offset of NaN mm.
  it('refuses a profile that is not one of the settings’ own, Object.prototype’s names included', () => {
    const settings = withProfiles({ 办公室激光: laser });
    for (const name of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__']) {
      const error = refusal(() => profileOffset(settings, 'letter', name));
      expect(error?.code, name).toBe('VALIDATION');
      expect(error?.text.zh).toContain(name);
      expect(error?.text.en).toContain(name);
    }
  });

  it('answers an own profile or a VALIDATION error, never anything else, for any name', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.constant(laser), { maxKeys: 4 }), fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('constructor', '__proto__', 'toString')), (profiles, name) => {
        const settings = withProfiles(profiles);
        const own = Object.hasOwn(profiles, name);
        const error = refusal(() => profileOffset(settings, 'letter', name));
        if (name === '') expect(error).toBeNull();
        else if (own) expect(profileOffset(settings, 'letter', name)).toEqual(laser);
        else expect(error?.code).toBe('VALIDATION');
      }),
      { numRuns: 300 },
    );
  });
});
