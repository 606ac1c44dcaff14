import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
beforeAll(async () => {
  t = await makeSetUpCore();
});
afterAll(() => t.dispose());

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function runJob(jobId: number) {
  return t.core.jobs.wait(jobId);
}

describe('national divisions, loaded at first start', () => {
  it('holds levels 1–3 from the shipped data', async () => {
    const { byLevel } = await t.ok('divisions.stats', {}, t.admin);
    const count = (level: number) => byLevel.find((l) => l.level === level)?.count ?? 0;
    expect(count(1)).toBe(34);
    expect(count(2)).toBeGreaterThan(330);
    expect(count(3)).toBeGreaterThan(2900);
    expect(count(4)).toBe(0);
    const seed = await t.ok('audit.list', { entity: 'division', action: 'seed' }, t.admin);
    expect(seed.total).toBe(1);
  });

  it.each([
    ['惠民', '371621000000'],
    ['惠民县', '371621000000'],
    ['huimin', '371621000000'],
    ['HUI MIN', '371621000000'],
    ['hmx', '371621000000'],
    ['371621', '371621000000'],
    ['３７１６２１', '371621000000'],
    ['滨州', '371600000000'],
  ])('finds %s', async (query, code) => {
    const found = await t.ok('divisions.search', { query, limit: 50 }, t.admin);
    expect(found.map((d) => d.code)).toContain(code);
  });

  it('puts the exact name first and gives the full name', async () => {
    const [first] = await t.ok('divisions.search', { query: '惠民县' }, t.admin);
    expect(first).toMatchObject({ code: '371621000000', level: 3, fullName: '山东省 滨州市 惠民县', initials: 'hmx' });
  });

  it('searches within a division and up to a level', async () => {
    const inShandong = await t.ok('divisions.search', { query: '县', within: '370000000000', limit: 100 }, t.admin);
    expect(inShandong.length).toBeGreaterThan(10);
    expect(inShandong.every((d) => d.code.startsWith('37'))).toBe(true);
    const provinces = await t.ok('divisions.search', { query: '山', maxLevel: 1 }, t.admin);
    expect(provinces.map((d) => d.name).sort()).toEqual(['山东省', '山西省']);
  });

  it('treats LIKE wildcards as text', async () => {
    expect(await t.ok('divisions.search', { query: '%' }, t.admin)).toEqual([]);
    expect(await t.ok('divisions.search', { query: '_' }, t.admin)).toEqual([]);
  });

  it('browses children', async () => {
    const provinces = await t.ok('divisions.children', { parentCode: null }, t.admin);
    expect(provinces).toHaveLength(34);
    const binzhou = await t.ok('divisions.children', { parentCode: '371600000000' }, t.admin);
    expect(binzhou.map((d) => d.name)).toContain('惠民县');
  });
});

describe('townships and villages', () => {
  it('loads a county from the shipped data as a job, with progress events', async () => {
    const events: number[] = [];
    const off = t.core.on((e) => {
      if (e.name === 'job.progress') events.push(e.payload.done);
    });
    const { jobId } = await t.ok('divisions.loadBuiltIn', { countyCode: '371621000000' }, t.admin);
    const job = await runJob(jobId);
    off();
    expect(job).toMatchObject({ status: 'done', result: { inserted: expect.any(Number) } });
    expect(events.length).toBeGreaterThan(1);
    const townships = await t.ok('divisions.children', { parentCode: '371621000000' }, t.admin);
    expect(townships.map((d) => d.name)).toContain('孙武街道');
    const villages = await t.ok('divisions.children', { parentCode: townships[0]!.code }, t.admin);
    expect(villages.length).toBeGreaterThan(5);
    expect(villages[0]!.fullName).toMatch(/^山东省 滨州市 惠民县 \S+ \S+$/);
    const audit = await t.ok('audit.list', { entity: 'division', action: 'import' }, t.admin);
    expect(audit.entries[0]).toMatchObject({ username: 'admin', after: { source: 'built-in' } });
  });

  it('imports a CSV with a title row and full-width digits, in GBK', async () => {
    const csv = '惠民县自定义村庄表,,\n统计用区划代码,名称,城乡分类\n３７１６２１１０１０００,测试新镇,\n371621101001,幸福村,220\n371621101002,"团结村",220\n';
    const bytes = iconv.encode(csv, 'gbk');
    const { jobId } = await t.ok('divisions.importCsv', { fileName: '村庄.csv', contentBase64: bytes.toString('base64') }, t.admin);
    const job = await runJob(jobId);
    expect(job).toMatchObject({ status: 'done', result: { total: 3 } });
    const found = await t.ok('divisions.search', { query: '幸福村', within: '371621101000' }, t.admin);
    expect(found[0]).toMatchObject({ code: '371621101001', fullName: '山东省 滨州市 惠民县 测试新镇 幸福村' });
  });

  it('refuses a CSV with bad rows, row by row, and writes nothing', async () => {
    const before = await t.ok('divisions.stats', {}, t.admin);
    const csv = '代码,名称\n371621102000,好镇\n37162110200,短代码\n999999000000,错省\n371621102001,\n371621102002,好村\n371621102002,重复村\n';
    const { jobId } = await t.ok('divisions.importCsv', { fileName: 'bad.csv', contentBase64: b64(csv) }, t.admin);
    const job = await runJob(jobId);
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('BAD_FILE');
    expect(job.error?.message.zh).toMatch(/第 3 行.*\n第 4 行.*\n第 5 行.*\n第 7 行/);
    expect(job.error?.message.en).toMatch(/row 3/);
    expect(await t.ok('divisions.stats', {}, t.admin)).toEqual(before);
  });

  it('refuses a village whose township is unknown, and garbage bytes', async () => {
    const before = await t.ok('divisions.stats', {}, t.admin);
    const orphan = await runJob((await t.ok('divisions.importCsv', { fileName: 'o.csv', contentBase64: b64('371621999001,孤村\n') }, t.admin)).jobId);
    expect(orphan).toMatchObject({ status: 'failed', error: { code: 'BAD_FILE' } });
    const junk = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)).toString('base64');
    const garbage = await runJob((await t.ok('divisions.importCsv', { fileName: 'j.csv', contentBase64: junk }, t.admin)).jobId);
    expect(garbage).toMatchObject({ status: 'failed', error: { code: 'BAD_FILE' } });
    expect(await t.ok('divisions.stats', {}, t.admin)).toEqual(before);
  });

  it('cancels a running load and rolls it back whole', async () => {
    const before = await t.ok('divisions.stats', {}, t.admin);
    const { jobId } = await t.ok('divisions.loadBuiltIn', { countyCode: '370102000000' }, t.admin);
    await t.ok('jobs.cancel', { id: jobId }, t.admin);
    const job = await runJob(jobId);
    expect(job.status).toBe('cancelled');
    expect(job.error?.code).toBe('JOB_CANCELLED');
    expect(await t.ok('divisions.stats', {}, t.admin)).toEqual(before);
    const listed = await t.ok('jobs.list', {}, t.admin);
    expect(listed[0]).toMatchObject({ id: jobId, status: 'cancelled', startedBy: '王管理' });
  });
});
