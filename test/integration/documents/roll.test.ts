/**
 * documents.roll end to end: verified martyrs in a real core, the roll printed by its job in a
 * worker thread, read back with poppler: the contents give each section's real page, names run in
 * stroke order (shared/rules/strokeOrder) within a section, unverified records stay out unless
 * asked for, the fonts are embedded subsets, and the document is registered and audited.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Period } from '../../../shared/contract';
import { sortKey, type NameOrderConvention } from '../../../shared/rules/strokeOrder';
import { honorsCore, type Honors, jobEnd } from '../honors/support';
import { loadVillages, TOWNSHIP, VILLAGE, VILLAGE2 } from '../plaques/fixtures';
import { upsertDivision } from '../../../electron/core/db/divisions';

let h: Honors | null = null;
afterEach(async () => {
  await h?.dispose();
  h = null;
});

const until = jobEnd;

// Keyed in no particular order; two-character names test 姓氏笔画 (a one-character given name first).
const NAMES = ['魏长林', '丁一山', '王二虎', '于洪', '薛冬生', '马德胜', '王军', '方志刚', '石磊', '白玉兰', '刘大成', '许峰', '李秀英', '何进', '张国强', '陈东',
  '周铁生', '林海', '赵长河', '胡兵', '钱立本', '徐青', '高志远', '黄山', '曹学文', '董明', '蒋永福', '谢平', '雷振国', '潘石', '戴云', '王一'];
const PERIODS: (Period | null)[] = ['anti_japanese', 'liberation', 'korea'];
const TITLES: Record<string, string> = { anti_japanese: '抗日战争时期', liberation: '解放战争时期', korea: '抗美援朝战争时期', none: '时期未详' };
const UNVERIFIED = ['孙未审', '吴待核'];

async function keyIn(t: Honors): Promise<Map<string, string>> {
  const periodOf = new Map<string, string>();
  const verify: number[] = [];
  for (const [i, name] of NAMES.entries()) {
    const period = i === NAMES.length - 1 ? null : PERIODS[i % 3]!;
    const m = await t.ok('martyrs.create', { name, period, nativePlaceText: '山东惠民', birthDate: '1920年', deathDate: '1947年春', unitAndPost: '某团战士', deathPlaceText: '山东莱芜' }, t.clerk);
    periodOf.set(name, period ?? 'none');
    verify.push(m.id);
  }
  for (const name of UNVERIFIED) await t.ok('martyrs.create', { name, period: 'liberation' }, t.clerk);
  await t.ok('martyrs.submit', { ids: verify }, t.clerk);
  await t.ok('martyrs.verify', { ids: verify }, t.reviewer);
  return periodOf;
}

const pagesOf = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
const squash = (s: string) => s.replace(/\s+/g, '');
/** The names in a page's table rows: "  3   王军   山东惠民 …". */
const rowNames = (page: string) => page.split('\n').map((l) => /^\s*\d+\s+(\S+)\s/.exec(l)?.[1]).filter((n): n is string => !!n && !/^\d/.test(n));

async function print(t: Honors, options: Record<string, unknown>) {
  const { jobId } = await t.ok('documents.printRoll', { title: '惠民县烈士英名录', ...options }, t.clerk);
  const job = await until(t, jobId);
  expect(job.status, JSON.stringify(job.error)).toBe('done');
  const result = job.result as { documentId: number; serial: string; pages: number; records: number; sections: number };
  return { result, file: join(t.dataDir, 'documents', `${result.serial}.pdf`) };
}

describe('documents.roll', () => {
  it('prints the verified records by period, the contents right, names in stroke order, registered', async () => {
    h = await honorsCore();
    await h.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局' }, h.admin);
    const periodOf = await keyIn(h);
    expect(await h.ok('documents.rollSections', { sectionBy: 'period' }, h.readonly)).toEqual([
      { key: 'anti_japanese', title: '抗日战争时期', count: 11 },
      { key: 'liberation', title: '解放战争时期', count: 10 },
      { key: 'korea', title: '抗美援朝战争时期', count: 10 },
      { key: 'none', title: '时期未详', count: 1 },
    ]);
    for (const convention of ['surname', 'fullName'] as NameOrderConvention[]) {
      const { result, file } = await print(h, { convention, preface: '为缅怀革命先烈，编印本名录。' });
      expect(result).toMatchObject({ records: NAMES.length, sections: 4 });
      const pages = pagesOf(file);
      expect(pages).toHaveLength(result.pages);
      expect(squash(pages[0]!)).toContain(`编号：${result.serial}`);
      const toc = squash(pages.find((p) => squash(p).includes('目录'))!);
      for (const key of ['anti_japanese', 'liberation', 'korea', 'none']) {
        const title = TITLES[key]!;
        const number = Number(new RegExp(`${title}·+(\\d+)`).exec(toc)?.[1]);
        // The page the contents give is the one where the section's heading and count stand.
        const count = [...periodOf.values()].filter((p) => p === key).length;
        expect(squash(pages[number - 1]!)).toContain(`${title}共${count}名`);
        const names = pages.filter((p) => squash(p).includes(`英名录·${title}`)).flatMap(rowNames);
        expect(names.sort()).toEqual([...periodOf].filter(([, p]) => p === key).map(([n]) => n).sort());
        const printed = pages.filter((p) => squash(p).includes(`英名录·${title}`)).flatMap(rowNames);
        for (let i = 1; i < printed.length; i++) expect(sortKey(printed[i - 1]!, convention) <= sortKey(printed[i]!, convention), `${printed[i - 1]} before ${printed[i]} (${convention})`).toBe(true);
      }
      const all = squash(pages.join(''));
      for (const name of UNVERIFIED) expect(all).not.toContain(name);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+.*\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);
    }
    // 姓氏笔画 puts 王一 (one-character given name) before 王二虎; both conventions keep 王 after 丁/于/马.
    expect(sortKey('王军', 'surname') < sortKey('王二虎', 'surname')).toBe(true);

    const list = await h.ok('documents.list', { kind: 'roll' }, h.readonly);
    expect(list.count).toBe(2);
    expect(list.rows[0]).toMatchObject({ kind: 'roll', records: NAMES.length, createdBy: 'clerk员' });
    const audit = await h.ok('audit.list', { entity: 'issued_document', entityId: String(list.rows[0]!.id) }, h.admin);
    expect(audit.entries[0]).toMatchObject({ action: 'issue', username: 'clerk' });
    // The preface is kept for the next print.
    expect((await h.ok('settings.get', {}, h.clerk)).rollPreface).toBe('为缅怀革命先烈，编印本名录。');
  });

  it('prints a section as a name grid when asked: names only, five a row, two-character names spaced', async () => {
    h = await honorsCore();
    await h.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局' }, h.admin);
    const periodOf = await keyIn(h);
    const { file } = await print(h, { gridSections: ['korea'] });
    const pages = pagesOf(file);
    const korea = pages.filter((p) => squash(p).includes('英名录·抗美援朝战争时期'));
    expect(korea.flatMap(rowNames)).toEqual([]); // no table rows
    const names = [...periodOf].filter(([, p]) => p === 'korea').map(([n]) => n);
    const text = squash(korea.join(''));
    for (const name of names) expect(text).toContain(name);
    expect(text).not.toContain('山东莱芜');
    // Other sections keep their entries.
    expect(pages.filter((p) => squash(p).includes('英名录·解放战争时期')).flatMap(rowNames)).toHaveLength(10);
  });

  it('includes unverified records only when asked, and reports an uncovered character by record and field', async () => {
    h = await honorsCore();
    await h.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局' }, h.admin);
    await keyIn(h);
    const { file } = await print(h, { includeUnverified: true });
    const all = squash(pagesOf(file).join(''));
    for (const name of UNVERIFIED) expect(all).toContain(name);

    const bad = await h.ok('martyrs.create', { name: '张三', deathPlaceText: `石${String.fromCodePoint(0x30000)}村` }, h.clerk);
    const { jobId } = await h.ok('documents.printRoll', { title: '惠民县烈士英名录', includeUnverified: true }, h.clerk);
    const job = await until(h, jobId);
    expect(job).toMatchObject({ status: 'failed', error: { code: 'VALIDATION' } });
    expect(job.error?.message.zh).toContain(`张三（烈士 #${bad.id}） · 牺牲地点 deathPlace：${String.fromCodePoint(0x30000)}（U+30000）`);
    expect((await h.ok('documents.list', { kind: 'roll' }, h.clerk)).count).toBe(1);
  });
});

describe('documents.roll by native place', () => {
  it('cuts a section per township (or county) of the native place, by code, the unstated last, names in stroke order within each', async () => {
    h = await honorsCore();
    await h.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局' }, h.admin);
    loadVillages(h);
    upsertDivision(h.core.db, { code: '371621102000', name: '第二测试镇', level: 4, parentCode: '371621000000', pinyin: '', initials: '', source: 'test' });
    const ids: number[] = [];
    for (const [name, code] of [['周铁生', VILLAGE], ['丁一山', '371621102000'], ['王军', VILLAGE2], ['李秀英', null], ['马德胜', TOWNSHIP]] as const) {
      ids.push((await h.ok('martyrs.create', { name, nativePlaceCode: code, deathDate: '1947年春', unitAndPost: '某团战士' }, h.clerk)).id);
    }
    await h.ok('martyrs.submit', { ids }, h.clerk);
    await h.ok('martyrs.verify', { ids }, h.reviewer);
    expect(await h.ok('documents.rollSections', { sectionBy: 'division', divisionLevel: 'township' }, h.readonly)).toEqual([
      { key: '371621101', title: '测试新镇', count: 3 },
      { key: '371621102', title: '第二测试镇', count: 1 },
      { key: 'none', title: '籍贯未详', count: 1 },
    ]);
    const county = await h.ok('documents.rollSections', { sectionBy: 'division', divisionLevel: 'county' }, h.readonly);
    expect(county).toEqual([
      { key: '371621', title: '惠民县', count: 4 },
      { key: 'none', title: '籍贯未详', count: 1 },
    ]);

    const { result, file } = await print(h, { sectionBy: 'division', divisionLevel: 'township' });
    expect(result).toMatchObject({ records: 5, sections: 3 });
    const text = squash(pagesOf(file).join('\n'));
    // The contents and the sections in code order, the unstated last.
    const at = (s: string) => text.lastIndexOf(s);
    expect(at('测试新镇')).toBeLessThan(at('第二测试镇'));
    expect(at('第二测试镇')).toBeLessThan(at('籍贯未详'));
    // Within 测试新镇 by the surname's strokes: 马 (3), 王 (4), 周 (8).
    expect(at('马德胜')).toBeLessThan(at('王军'));
    expect(at('王军')).toBeLessThan(at('周铁生'));
    expect(at('周铁生')).toBeLessThan(at('丁一山'));
    expect(at('丁一山')).toBeLessThan(at('李秀英'));
  });
});
