import type Database from 'better-sqlite3';

/** The whole current schema as one SQL file (resources/db/schema.sql), generated from the migrations. */
export function dumpSchema(db: Database.Database): string {
  const version = db.pragma('user_version', { simple: true }) as number;
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, tbl_name, name")
    .all() as { type: string; name: string; sql: string }[];
  const header = `-- Guangrong database schema, version ${version}.\n-- GENERATED from electron/core/db/migrations by \`npm run schema\`; do not edit. A test checks it.\n`;
  return `${header}\n${rows.map((r) => `${r.sql.trim()};`).join('\n\n')}\n`;
}
