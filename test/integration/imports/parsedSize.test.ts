/**
 * An xlsx within the file, part and ratio limits could still inflate to 1 GiB of XML, all held at
 * once before a row was read. The parts to parse are now limited together (LIMITS.maxParsedBytes)
 * by their declared sizes, before anything is inflated. Peak memory is measured in a process of
 * its own (parsedSizeChild.ts: the growth of its peak resident size while reading).
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../electron/core/imports/limits';
import { zip, type ZipPart } from '../../fixtures/imports/build';
import { tempDir } from '../../support/tempCore';

const MB = 1024 * 1024;
const CHILD = resolve(import.meta.dirname, 'parsedSizeChild.ts');
const dir = tempDir('guangrong-parsed-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A part that really inflates to about `mb` MB of well-formed XML (head, `body` repeated, tail),
 * its size and CRC true, deflated about 20 times: each piece is deflated once with a sync flush
 * and the pieces are concatenated, so making it costs one deflate of at most 4 MB.
 */
function bigPart(name: string, head: string, row: (i: number) => string, tail: string, mb: number): ZipPart {
  let text = '';
  for (let i = 0; text.length < Math.min(4, mb) * MB; i++) text += row(i);
  const body = Buffer.from(text, 'utf8');
  const times = Math.ceil((mb * MB) / body.length);
  const pieces = [Buffer.from(head), ...Array.from({ length: times }, () => body), Buffer.from(tail)];
  let crc = 0;
  for (const p of pieces) crc = crc32(p, crc);
  const size = pieces.reduce((n, p) => n + p.length, 0);
  const deflatedBody = deflateRawSync(body, { finishFlush: constants.Z_SYNC_FLUSH });
  const flushed = (b: Buffer) => deflateRawSync(b, { finishFlush: constants.Z_SYNC_FLUSH });
  const stream = Buffer.concat([flushed(pieces[0]!), ...Array.from({ length: times }, () => deflatedBody), flushed(pieces.at(-1)!), Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff])]);
  return { name, data: new Uint8Array(0), compressed: stream, declaredSize: size, declaredCrc: crc };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
function workbook(sharedMb: number, sheetMb: number): { file: string; bytes: number; declared: number } {
  const shared = bigPart('xl/sharedStrings.xml', `<?xml version="1.0"?><sst ${NS}>`, (i) => `<si><t>张德胜${i}</t></si>`, '</sst>', sharedMb);
  const sheet = bigPart('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet ${NS}><sheetData>`, (i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`, '</sheetData></worksheet>', sheetMb);
  const bytes = zip([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: 'xl/workbook.xml', data: Buffer.from(`<?xml version="1.0"?><workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
    shared,
    sheet,
  ]);
  const file = join(dir, `wb-${sharedMb}-${sheetMb}.xlsx`);
  writeFileSync(file, bytes);
  return { file, bytes: bytes.length, declared: shared.declaredSize! + sheet.declaredSize! };
}

interface ChildReport {
  growthMb: number;
  outcome: { ok: true; rows: number } | { ok: false; code: string; zh: string; en: string };
}
const readInChild = (file: string): ChildReport => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', CHILD, file], { encoding: 'utf8', maxBuffer: 1024 * 1024 })) as ChildReport;

describe('the XML an xlsx import parses is limited together, before inflating', () => {
  it('refuses 300 MB of real shared strings and sheet XML (each part and the ratio within limits) holding almost nothing', () => {
    const wb = workbook(150, 150);
    // Within every other limit: file size, each part, the total, the ratio.
    expect(wb.bytes).toBeLessThan(LIMITS.maxFileBytes);
    expect(wb.declared).toBeGreaterThan(LIMITS.maxParsedBytes);
    expect(wb.declared).toBeLessThan(LIMITS.maxUncompressedBytes);
    expect(wb.declared / wb.bytes).toBeLessThan(LIMITS.maxRatio);
    const report = readInChild(wb.file);
    expect(report.outcome).toMatchObject({ ok: false, code: 'BAD_FILE', zh: expect.stringContaining('拆分'), en: expect.stringContaining('over the 256 MB limit') });
    // Before the limit the same file held both parts inflated (300 MB) and parsed them.
    expect(report.growthMb).toBeLessThan(64);
  }, 60_000);

  it('still reads a workbook under the limit, whatever its parts', () => {
    const report = readInChild(workbook(0.5, 1).file);
    expect(report.outcome).toMatchObject({ ok: true });
    expect((report.outcome as { rows: number }).rows).toBeGreaterThan(10_000);
  }, 60_000);
});
