/**
 * `node --import tsx test/e2e/seedIntegrity.ts DIR USER PASSWORD`: a data folder with an
 * administrator, a register with one scanned page, the record 张德胜 keyed from that page — and
 * the page's file then deleted from disk, as if a USB copy had lost it. Prints one JSON line:
 * { martyrId, attachmentId, file }. Written through core.call, as the app writes.
 * A separate process, run by the runtime the app's better-sqlite3 is built for (see seedRoll.ts).
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import sharp from 'sharp';
import { makeTestCore } from '../support/tempCore';
import { blobPath } from '../../electron/core/attachments/paths';

const [dataDir, username, password] = process.argv.slice(2);
if (!dataDir || !username || !password) throw new Error('usage: seedIntegrity.ts DIR USER PASSWORD');

// The machine's clock: the data is new, so the weekly check is not due when the app opens.
const t = makeTestCore({ dataDir, clock: () => new Date(), integritySchedule: false });
const admin = t.core.openSession();
await t.ok('setup.createAdmin', { username, displayName: '王建国', password }, admin);
const jpeg = await sharp({ create: { width: 600, height: 840, channels: 3, background: '#efe6cf' } }).jpeg().toBuffer();
const { uploadId } = await t.ok('uploads.begin', { fileName: '登记册-第1页.jpg', size: jpeg.length }, admin);
await t.ok('uploads.chunk', { uploadId, offset: 0, dataBase64: jpeg.toString('base64') }, admin);
await t.ok('uploads.finish', { uploadId, sha256: createHash('sha256').update(jpeg).digest('hex') }, admin);
const { attachment } = await t.ok('attachments.store', { uploadId }, admin);
const source = await t.ok('sources.create', { kind: 'register', title: '县烈士登记册（1956）' }, admin);
await t.ok('sources.attachScans', { sourceId: source.id, attachmentIds: [attachment.id] }, admin);
const martyr = await t.ok('martyrs.create', { name: '张德胜', sourceId: source.id, scanAttachmentId: attachment.id, scanPage: 1, scanRegion: { x: 0.1, y: 0.2, w: 0.8, h: 0.1 } }, admin);
await t.dispose();
rmSync(blobPath(dataDir, attachment.sha256));
console.log(JSON.stringify({ martyrId: martyr.id, attachmentId: attachment.id, file: `attachments/${attachment.sha256.slice(0, 2)}/${attachment.sha256.slice(2, 4)}/${attachment.sha256}` }));
