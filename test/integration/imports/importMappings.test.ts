import { describe, expect, it } from 'vitest';
import { deleteMapping, findMapping, listMappings, saveMapping } from '../../../electron/core/db/importMappings';
import { m0007 } from '../../../electron/core/db/migrations/0007-import-mappings';
import { count, importDb } from './support';

describe('migration 0007 and the import_mappings repository', () => {
  it('creates the table with one mapping per kind and layout', () => {
    const { db } = importDb();
    expect(m0007).toMatchObject({ version: 7, name: 'import-mappings' });
    const columns = (db.prepare('PRAGMA table_info(import_mappings)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['id', 'kind', 'header_signature', 'mapping_json', 'updated_at', 'updated_by']);
    db.prepare("INSERT INTO import_mappings (kind, header_signature, mapping_json, updated_at) VALUES ('martyrs', 'abc', '{}', 'x')").run();
    expect(() => db.prepare("INSERT INTO import_mappings (kind, header_signature, mapping_json, updated_at) VALUES ('martyrs', 'abc', '{}', 'y')").run()).toThrow(/UNIQUE/);
    db.close();
  });

  it('saves, replaces, finds, lists and deletes mappings', () => {
    const { db } = importDb();
    expect(findMapping(db, 'martyrs', 'sig1')).toBeUndefined();
    const saved = saveMapping(db, { kind: 'martyrs', signature: 'sig1', mapping: { 3: 'birth', 1: 'name' }, at: '2026-11-23T09:00:00.000Z', by: null });
    expect(saved).toMatchObject({ kind: 'martyrs', signature: 'sig1', mapping: { 1: 'name', 3: 'birth' }, updatedBy: null });
    const replaced = saveMapping(db, { kind: 'martyrs', signature: 'sig1', mapping: { 2: 'name' }, at: '2026-11-24T09:00:00.000Z', by: null });
    expect(replaced.id).toBe(saved.id);
    expect(replaced).toMatchObject({ mapping: { 2: 'name' }, updatedAt: '2026-11-24T09:00:00.000Z' });
    saveMapping(db, { kind: 'awards', signature: 'sig1', mapping: { 0: 'person' }, at: '2026-11-25T09:00:00.000Z', by: null });
    expect(count(db, 'import_mappings')).toBe(2);
    expect(findMapping(db, 'awards', 'sig1')?.mapping).toEqual({ 0: 'person' });
    expect(listMappings(db, 'martyrs').map((m) => m.signature)).toEqual(['sig1']);
    expect(deleteMapping(db, saved.id)).toBe(true);
    expect(findMapping(db, 'martyrs', 'sig1')).toBeUndefined();
    db.close();
  });

  it('ignores what is not a column mapping in a stored row', () => {
    const { db } = importDb();
    db.prepare("INSERT INTO import_mappings (kind, header_signature, mapping_json, updated_at) VALUES ('k', 's', ?, 'x')").run(JSON.stringify({ '1': 'name', '-1': 'x', a: 'y', '2': 5 }));
    expect(findMapping(db, 'k', 's')?.mapping).toEqual({ 1: 'name' });
    db.prepare("UPDATE import_mappings SET mapping_json = 'not json'").run();
    expect(findMapping(db, 'k', 's')?.mapping).toEqual({});
    db.close();
  });
});
