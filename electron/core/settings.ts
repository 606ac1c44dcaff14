import type { Db } from './db/connection';
import { readSettings, writeSetting } from './db/settings';
import { DEFAULT_PLAQUE_NUMBER_PATTERN } from '../../shared/rules/plaque';
import { settingsSchema, type Settings } from '../../shared/contract';

export const defaultSettings: Settings = {
  idleLockMinutes: 15,
  officeName: '',
  homeDivisionCode: null,
  plaqueNumberPattern: DEFAULT_PLAQUE_NUMBER_PATTERN,
  plaqueNumberPatterns: {},
  issuingAuthority: '',
  issuingPlace: '',
  dateStyle: 'arabic',
  letterWordings: {},
  rollPreface: '',
  printerProfiles: { letter: {}, slip: {} },
};

/** The office settings, read once and kept in memory; written through the caller's transaction. */
export class SettingsStore {
  private cached: Settings | null = null;

  constructor(private readonly db: Db) {}

  get(): Settings {
    if (!this.cached) {
      const stored = Object.fromEntries(readSettings(this.db));
      const parsed = settingsSchema.safeParse({ ...defaultSettings, ...stored });
      this.cached = parsed.success ? parsed.data : defaultSettings;
    }
    return this.cached;
  }

  /** Call inside a write transaction. */
  write(changes: Partial<Settings>): Settings {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) writeSetting(this.db, key, value);
    }
    this.cached = null;
    const fresh = this.get();
    // Not cached until the transaction is known to have committed.
    this.cached = null;
    return fresh;
  }

  forget(): void {
    this.cached = null;
  }
}
