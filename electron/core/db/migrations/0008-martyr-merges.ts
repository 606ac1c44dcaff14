import type { Migration } from '../migrate';

/**
 * Merging two records of one person (the same martyr keyed from two sources): the merged record
 * stays, in the recycle bin, pointing at the record it went into, so its provenance and its
 * history remain and are shown with the kept record.
 */
export const m0008: Migration = {
  version: 8,
  name: 'martyr-merges',
  up(db) {
    db.exec(`
      ALTER TABLE martyrs ADD COLUMN merged_into INTEGER REFERENCES martyrs(id);
      CREATE INDEX martyrs_merged_into ON martyrs (merged_into) WHERE merged_into IS NOT NULL;
    `);
  },
};
