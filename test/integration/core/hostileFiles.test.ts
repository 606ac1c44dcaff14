/**
 * A corpus of corrupt and hostile files, generated here (nothing binary is committed), sent the
 * way the renderer sends them (uploads in chunks) and handed to the import and the scan store
 * through core.call. Each refusal is a typed error with a Chinese and an English message, and
 * writes nothing (test/support/writeProbe.ts); the unit tests of the readers
 * (test/unit/electron/core/imports/badFiles.test.ts, attachments) cover the same refusals one
 * reader at a time. Formula-like text is stored as text and leaves again as text, never as a
 * live formula.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { constants, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvBytes, minimalXlsx, zip } from '../../fixtures/imports/build';
import { makeSetUpCore } from '../../support/tempCore';
import { writeProbe, type WriteProbe } from '../../support/writeProbe';
import { upload } from '../attachments/client';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
let probe: WriteProbe;
beforeAll(async () => {
  t = await makeSetUpCore();
  probe = writeProbe(t.dataDir);
});
afterAll(async () => {
  probe.close();
  await t.dispose();
});


async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * An xlsx whose sheet inflates to 4 GiB from about 4 MB: 64 copies of 64 MiB of zeros deflated
 * with a sync flush (each copy ends on a byte boundary, not final), then an empty final block.
 */
function fourGigabyteBomb(declaredSize: number): Uint8Array {
  const chunk = deflateRawSync(Buffer.alloc(64 * 1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
  const stream = Buffer.concat([...Array.from({ length: 64 }, () => chunk), Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff])]);
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: 'xl/workbook.xml', data: Buffer.from('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
    { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(0), compressed: stream, declaredSize, declaredCrc: 0 },
  ]);
}

type Refusal = { code: string; message: { zh: string; en: string } };

/** Uploads `bytes`, then previews and imports it; both must refuse it, typed, and write nothing. */
async function importRefusal(fileName: string, bytes: Uint8Array): Promise<Refusal> {
  const uploadId = await upload(t, t.admin, fileName, Buffer.from(bytes));
  const before = probe.snapshot();
  const preview = await t.core.call('martyrs.importPreview', { uploadId }, t.admin);
  expect(preview.ok, `${fileName} was previewed`).toBe(false);
  if (preview.ok) throw new Error('unreachable');
  const started = await t.core.call('martyrs.import', { uploadId, mapping: { '0': 'name' } }, t.admin);
  if (started.ok) {
    const job = await t.core.jobs.wait(started.value.jobId);
    expect(job.status, `${fileName} was imported`).toBe('failed');
    expect(job.error).toMatchObject({ code: preview.error.code });
  } else {
    expect(started.error.code).toBe(preview.error.code);
  }
  const after = probe.snapshot();
  // The import job's own row (jobs table) is bookkeeping, not data: compare data and audit log.
  expect(after.auditRows).toBe(before.auditRows);
  expect(after.files).toEqual(before.files);
  expect(await martyrCount()).toBe(0);
  expect(preview.error.message.zh.length).toBeGreaterThan(5);
  expect(preview.error.message.en.length).toBeGreaterThan(5);
  return preview.error;
}

async function martyrCount(): Promise<number> {
  return (await t.ok('martyrs.search', { limit: 1 }, t.admin)).count;
}

describe('corrupt and hostile spreadsheets are refused, typed, writing nothing', () => {
  it('a truncated xlsx, wherever it is cut', async () => {
    const whole = await workbook([['姓名', '性别'], ['张德胜', '男']]);
    for (const fraction of [0.2, 0.5, 0.9]) {
      const e = await importRefusal('名单.xlsx', whole.subarray(0, Math.floor(whole.length * fraction)));
      expect(e.code).toBe('BAD_FILE');
    }
  });

  it('a 4 MB xlsx that inflates to 4 GiB, declared small or declared huge, without the memory to match', async () => {
    const rss = process.memoryUsage().rss;
    for (const declared of [2_000, 0xfffffff0]) {
      const bomb = fourGigabyteBomb(declared);
      expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
      const e = await importRefusal('名单.xlsx', bomb);
      expect(e).toMatchObject({ code: 'BAD_FILE', message: { zh: expect.stringContaining('压缩炸弹'), en: expect.stringContaining('zip bomb') } });
    }
    expect(process.memoryUsage().rss - rss).toBeLessThan(512 * 1024 * 1024);
  }, 120_000);

  it('a CSV with a 1 MB cell', async () => {
    const e = await importRefusal('名单.csv', Buffer.from(`姓名,备注\n张德胜,${'长'.repeat(1024 * 1024)}\n`, 'utf8'));
    expect(e.message.en).toContain('1048576 characters');
  });

  // Bug: a CSV part UTF-8, part GBK (or UTF-8 with one damaged byte) failed strict UTF-8 and was
  // read whole as GBK: every UTF-8 name came out garbled (姓名 → 濮撳悕) and was imported so.
  it('a CSV that mixes UTF-8 and GBK, or UTF-8 with a damaged byte', async () => {
    const mixed = Buffer.concat([Buffer.from('姓名,性别\n张德胜,男\n', 'utf8'), iconv.encode('李秀英,女\n', 'gbk')]);
    expect((await importRefusal('名单.csv', mixed)).message.zh).toContain('混有两种编码');
    const damaged = Buffer.from('姓名,性别\n张德胜,男\n李秀英,女\n王福,男\n', 'utf8');
    damaged[damaged.length - 3] = 0xff;
    expect((await importRefusal('名单.csv', damaged)).message.en).toContain('mixes two encodings');
  });

  it('UTF-16 without its BOM, random bytes, a PDF and an empty file named as spreadsheets', async () => {
    expect((await importRefusal('名单.csv', Buffer.from('姓名,性别\n张德胜,男\n', 'utf16le'))).code).toBe('BAD_FILE');
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect((await importRefusal('名单.csv', random)).code).toBe('BAD_FILE');
    expect((await importRefusal('名单.xlsx', random)).code).toBe('BAD_FILE');
    expect((await importRefusal('名单.xlsx', Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1'))).code).toBe('BAD_FILE');
  });
});

describe('the divisions CSV', () => {
  // The same bug in the other CSV reader: a mixed file was read whole as GBK, names garbled.
  it('refuses a file part UTF-8 and part GBK, writing nothing', async () => {
    const csv = Buffer.concat([Buffer.from('371621101000,测试新镇\n371621101001,幸福村\n', 'utf8'), iconv.encode('371621101002,和平村\n', 'gbk')]);
    const before = { stats: await t.ok('divisions.stats', {}, t.admin), probe: probe.snapshot() };
    const { jobId } = await t.ok('divisions.importCsv', { fileName: '村庄.csv', contentBase64: csv.toString('base64') }, t.admin);
    const job = await t.core.jobs.wait(jobId);
    expect(job).toMatchObject({ status: 'failed', error: { code: 'BAD_FILE', message: { zh: expect.stringContaining('混有两种编码'), en: expect.stringContaining('mixes two encodings') } } });
    expect(await t.ok('divisions.stats', {}, t.admin)).toEqual(before.stats);
    const after = probe.snapshot();
    expect([after.auditRows, after.files]).toEqual([before.probe.auditRows, before.probe.files]);
  });
});

describe('encodings offices really use are read, not refused', () => {
  it('GBK and UTF-16 (with BOM) CSVs preview with their Chinese intact', async () => {
    for (const encoding of ['gbk', 'utf16le', 'utf8bom'] as const) {
      const uploadId = await upload(t, t.admin, '名单.csv', Buffer.from(csvBytes('姓名,性别,牺牲地点\n张德胜,男,山东省惠民县\n', encoding)));
      const p = await t.ok('martyrs.importPreview', { uploadId }, t.admin);
      expect(p.rows.map((r) => r.cells), encoding).toContainEqual(['张德胜', '男', '山东省惠民县']);
    }
  });
});

describe('formulas are text on the way in and on the way out', () => {
  const HOSTILE = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example/steal","点我")', '@SUM(1+1)*cmd|\' /C calc\'!A0', '+1+cmd|\' /C notepad\'!A0', '－2+3'];

  it('stores formula-like CSV cells exactly as text, and exports them as text cells in the Text format', async () => {
    const csv = ['姓名,性别,牺牲地点', ...HOSTILE.map((text, i) => `烈士${'一二三四五'[i]},男,"${text.replaceAll('"', '""')}"`)].join('\n');
    const uploadId = await upload(t, t.admin, '名单.csv', Buffer.from(csv, 'utf8'));
    const p = await t.ok('martyrs.importPreview', { uploadId }, t.admin);
    const { jobId } = await t.ok('martyrs.import', { uploadId, mapping: p.mapping }, t.admin);
    expect(await t.core.jobs.wait(jobId)).toMatchObject({ status: 'done', result: { ok: true, imported: HOSTILE.length } });
    const rows = (await t.ok('martyrs.search', { limit: 50 }, t.admin)).rows;
    // Stored as the text it was (place names lose their spaces, as every place name does).
    const stored = HOSTILE.map((text) => text.replace(/\s+/g, ''));
    expect(rows.map((r) => r.deathPlace).sort()).toEqual([...stored].sort());

    const exported = await t.ok('martyrs.export', {}, t.admin);
    expect(await t.core.jobs.wait(exported.jobId)).toMatchObject({ status: 'done' });
    const file = await t.ok('exports.file', { jobId: exported.jobId }, t.admin);
    const parts = unzipSync(new Uint8Array(Buffer.from(file.dataBase64, 'base64')));
    const sheet = strFromU8(parts[Object.keys(parts).find((k) => /worksheets\/sheet\d+\.xml$/.test(k))!]!);
    expect(sheet).not.toMatch(/<f[\s>]/); // no live formula anywhere
    const styles = strFromU8(parts['xl/styles.xml']!);
    const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
    const unescape = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
    for (const text of stored) {
      const cell = [...sheet.matchAll(/<c r="[A-Z]+\d+"(?: s="(\d+)")? t="(?:str|inlineStr|s)">(?:<v>|<is><t>)([^<]*)</g)].find((m) => unescape(m[2]!) === text);
      expect(cell, text).toBeDefined();
      expect(xfs[Number(cell![1])], `${text}: Excel's Text format (@ = 49)`).toBe(49);
    }
  });

  it('an xlsx formula cell gives its cached result as text, never the formula', async () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>牺牲地点</t></is></c></row>
      <row r="2"><c r="A2" t="inlineStr"><is><t>赵公式</t></is></c><c r="B2" t="str"><f>HYPERLINK("http://evil.example","山东省惠民县")</f><v>山东省惠民县</v></c></row>
      <row r="3"><c r="A3" t="inlineStr"><is><t>钱公式</t></is></c><c r="B3"><f>cmd|' /C calc'!A0</f></c></row>
    </sheetData></worksheet>`;
    const uploadId = await upload(t, t.admin, '公式.xlsx', Buffer.from(minimalXlsx(sheet)));
    const p = await t.ok('martyrs.importPreview', { uploadId }, t.admin);
    const cells = p.rows.map((r) => r.cells);
    expect(cells).toContainEqual(['赵公式', '山东省惠民县']);
    expect(JSON.stringify(cells)).not.toContain('HYPERLINK');
    expect(JSON.stringify(cells)).not.toContain('cmd|');
  });
});

describe('scans that lie about what they are are refused, typed, writing nothing', () => {
  async function storeRefusal(fileName: string, bytes: Buffer): Promise<Refusal> {
    const uploadId = await upload(t, t.admin, fileName, bytes);
    const before = probe.snapshot();
    const started = performance.now();
    const r = await t.core.call('attachments.store', { uploadId }, t.admin);
    expect(performance.now() - started, `${fileName} took too long`).toBeLessThan(5_000);
    expect(r.ok, `${fileName} was stored`).toBe(false);
    if (r.ok) throw new Error('unreachable');
    expect(r.error.code).toBe('BAD_FILE');
    expect(r.error.message.zh.length).toBeGreaterThan(5);
    expect(r.error.message.en.length).toBeGreaterThan(5);
    expect(probe.snapshot()).toEqual(before);
    return r.error;
  }

  /** A JPEG that is only headers: a start-of-frame declaring width × height, then the end. */
  function jpegDeclaring(width: number, height: number): Buffer {
    const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
    return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]), sof, Buffer.alloc(64, 0x55), Buffer.from([0xff, 0xd9])]);
  }

  /** A little-endian TIFF whose one page declares width × height, with no real strips. */
  function tiffDeclaring(width: number, height: number): Buffer {
    const entries: [number, number, number, number][] = [[256, 4, 1, width], [257, 4, 1, height], [258, 3, 1, 8], [259, 3, 1, 1], [262, 3, 1, 1], [273, 4, 1, 8], [277, 3, 1, 1], [278, 4, 1, height], [279, 4, 1, 16]];
    const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
    ifd.writeUInt16LE(entries.length, 0);
    entries.forEach(([tag, type, count, value], i) => {
      const at = 2 + i * 12;
      ifd.writeUInt16LE(tag, at);
      ifd.writeUInt16LE(type, at + 2);
      ifd.writeUInt32LE(count, at + 4);
      if (type === 3) ifd.writeUInt16LE(value, at + 8);
      else ifd.writeUInt32LE(value, at + 8);
    });
    const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x18, 0x00, 0x00, 0x00]);
    return Buffer.concat([header, Buffer.alloc(16, 0x80), ifd]);
  }

  it('random bytes named .jpg, a PNG signature on garbage, a JPEG marker on text', async () => {
    await storeRefusal('扫描.jpg', Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 2654435761) % 251)));
    await storeRefusal('扫描.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 0x41)]));
    await storeRefusal('扫描.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('这不是图片，只是文字。'.repeat(50), 'utf8')]));
  });

  it('decompression bombs that declare 65,000 × 65,000 (JPEG) and 100,000 × 100,000 (TIFF) pixels', async () => {
    const jpeg = await storeRefusal('扫描.jpg', jpegDeclaring(65_000, 65_000));
    expect(jpeg.message.en).toMatch(/65000|decompression bomb|damaged|cannot/i);
    const tiff = await storeRefusal('扫描.tif', tiffDeclaring(100_000, 100_000));
    expect(tiff.message.en).toMatch(/100000|decompression bomb|damaged|cannot/i);
  });

  it('a PDF named .jpg is judged by its content, never shown as a JPEG', async () => {
    const bytes = Buffer.from('%PDF-1.4\nnothing here at all\n%%EOF\n', 'latin1');
    const e = await storeRefusal('扫描.jpg', bytes);
    expect(e.message.en).toMatch(/PDF/);
  });
});
