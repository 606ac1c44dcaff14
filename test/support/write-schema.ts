/** `npm run schema`: regenerates resources/db/schema.sql from the migrations. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { dumpSchema } from './schema';

const dir = mkdtempSync(join(tmpdir(), 'guangrong-schema-'));
const db = openDatabase(join(dir, 'schema.db'));
migrate(db, migrations);
const target = join(import.meta.dirname, '../../resources/db/schema.sql');
writeFileSync(target, dumpSchema(db));
db.close();
rmSync(dir, { recursive: true, force: true });
console.log(`wrote ${target}`);
