import type { Db } from './connection';

/**
 * Repository of `import_mappings`: the column mapping remembered for an import kind and a header
 * signature (see electron/core/imports/header.ts). The mapping is `{ [columnIndex]: fieldKey }`,
 * column indexes 0-based. Writes belong inside the caller's write transaction (with its audit row).
 */
interface ImportMappingRow {
  id: number;
  kind: string;
  header_signature: string;
  mapping_json: string;
  updated_at: string;
  updated_by: number | null;
}

export interface ImportMappingRecord {
  id: number;
  kind: string;
  signature: string;
  mapping: Record<number, string>;
  updatedAt: string;
  updatedBy: number | null;
}

/** Keeps only integer column indexes ≥ 0 with string keys: the JSON came from disk. */
function toMapping(json: string): Record<number, string> {
  const mapping: Record<number, string> = {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return mapping;
  }
  if (typeof parsed !== 'object' || parsed === null) return mapping;
  for (const [column, key] of Object.entries(parsed as Record<string, unknown>)) {
    const index = Number(column);
    if (Number.isInteger(index) && index >= 0 && typeof key === 'string') mapping[index] = key;
  }
  return mapping;
}

function toRecord(row: ImportMappingRow): ImportMappingRecord {
  return {
    id: row.id,
    kind: row.kind,
    signature: row.header_signature,
    mapping: toMapping(row.mapping_json),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function findMapping(db: Db, kind: string, signature: string): ImportMappingRecord | undefined {
  const row = db.prepare('SELECT * FROM import_mappings WHERE kind = ? AND header_signature = ?').get(kind, signature) as ImportMappingRow | undefined;
  return row && toRecord(row);
}

/** Inserts or replaces the mapping of (kind, signature). Returns the row as stored. */
export function saveMapping(
  db: Db,
  entry: { kind: string; signature: string; mapping: Record<number, string>; at: string; by: number | null },
): ImportMappingRecord {
  const json = JSON.stringify(Object.fromEntries(Object.entries(entry.mapping).sort(([a], [b]) => Number(a) - Number(b))));
  db.prepare(
    `INSERT INTO import_mappings (kind, header_signature, mapping_json, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, header_signature) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(entry.kind, entry.signature, json, entry.at, entry.by);
  return findMapping(db, entry.kind, entry.signature)!;
}

export function listMappings(db: Db, kind: string): ImportMappingRecord[] {
  return (db.prepare('SELECT * FROM import_mappings WHERE kind = ? ORDER BY updated_at DESC, id DESC').all(kind) as ImportMappingRow[]).map(toRecord);
}

export function deleteMapping(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM import_mappings WHERE id = ?').run(id).changes > 0;
}
