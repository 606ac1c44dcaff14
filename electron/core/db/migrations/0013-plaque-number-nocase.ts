import type { Migration } from '../migrate';

/**
 * Plaque numbers are compared without regard to letter case (`hm-a1` is the number `HM-A1`
 * already given); the contract folds full-width forms (ＨＭ－Ａ１) to their ordinary ones
 * before a typed number reaches the core. This index lets the duplicate check
 * (`number = ? COLLATE NOCASE`) find a number without reading the table. It is not UNIQUE so
 * that a database which already holds two numbers differing only in case still opens; no new
 * such pair can be written.
 */
export const m0013: Migration = {
  version: 13,
  name: 'plaque-number-nocase',
  up(db) {
    db.exec(`CREATE INDEX plaques_number_nocase ON plaques (number COLLATE NOCASE);`);
  },
};
