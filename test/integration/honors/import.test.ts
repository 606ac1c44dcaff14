import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { honorsCore, LI, type Honors } from './support';
import { errorRows, idNumber, importFile, ledgerXlsx, type Rejected } from '../imports/ledgerFixtures';
import { upload } from '../attachments/client';

let h: Honors;
beforeAll(async () => {
  h = await honorsCore();
});
afterAll(() => h.dispose());

const HEADER = ['序号', '姓名', '身份证号', '部队/单位', '入伍时间', '奖励类别', '批准机关', '文号', '批准时间', '家庭住址', '接收日期'];
const sheet = (rows: (string | number | Date | null)[][]) => ledgerXlsx('2026年度立功受奖人员名单', HEADER, rows.map((r, i) => [i + 1, ...r]));
const counts = () => h.core.db.prepare('SELECT (SELECT count(*) FROM awards) AS awards, (SELECT count(*) FROM good_news_letters) AS letters, (SELECT count(*) FROM persons) AS persons').get() as { awards: number; letters: number; persons: number };

describe('importing an award list (立功受奖名单)', () => {
  it('creates exactly the awards, finds a recipient again by ID number, and registers the letters received', async () => {
    const known = await h.ok('awards.create', { recipient: LI, classId: (await h.ok('awardClasses.list', {}, h.clerk)).find((c) => c.name === '嘉奖')!.id }, h.clerk);
    const before = counts();
    const { preview, job } = await importFile(
      h,
      h.clerk,
      'awards',
      'list.xlsx',
      await sheet([
        ['李明', LI.idNumber, '某部三连', '2018-09-01', '三等功', '某集团军', '政干〔2026〕12号', '2026-11-02', '惠民县幸福村3组', new Date(Date.UTC(2026, 10, 20))],
        ['张强', idNumber(11), '某部一连', '2019.9.5', '二等功', '某战区', '政干〔2026〕3号', '2026年10月8日', '惠民县团结村', ''],
        ['王芳', idNumber(12), '某部卫生队', '', '四有优秀士兵', '某旅', '', '2026-10-01', '', ''],
      ]),
    );
    expect(Object.values(preview.mapping)).toContain('className');
    expect(job).toMatchObject({ status: 'done', result: { ok: true, imported: 3, summary: { awards: 3, letters: 1 } } });
    expect(counts()).toEqual({ awards: before.awards + 3, letters: before.letters + 1, persons: before.persons + 2 });
    const li = await h.ok('awards.list', { query: '李明' }, h.clerk);
    expect(li.rows.map((r) => r.className).sort()).toEqual(['三等功', '嘉奖']);
    // Read as a reviewer: a clerk sees the family address masked (DESIGN.md §2.4).
    const award = await h.ok('awards.get', { id: li.rows.find((r) => r.className === '三等功')!.id }, h.reviewer);
    expect(award.recipient.personId).toBe(known.recipient.personId);
    expect(award).toMatchObject({ soldierUnit: '某部三连', enlistedOn: '2018-09-01', awardDate: '2026-11-02', orderNo: '政干〔2026〕12号' });
    expect(award.letter).toMatchObject({ status: 'received', receivedOn: '2026-11-20', familyAddress: '惠民县幸福村3组' });
    const wang = await h.ok('awards.list', { query: '王芳' }, h.clerk);
    expect(wang.rows[0]).toMatchObject({ className: '优秀士兵', letterId: null });
  });

  it('a file with bad rows writes nothing and returns an error workbook with the reasons; the same award twice is refused', async () => {
    const before = counts();
    const { job } = await importFile(
      h,
      h.clerk,
      'awards',
      'bad.xlsx',
      await sheet([
        ['赵一', idNumber(21), '某部', '', '三等功', '', '', '2026-10-01', '', ''],
        ['钱二', idNumber(22), '某部', '', '五等功', '', '', '2026-10-01', '', ''],
        ['孙三', idNumber(23), '某部', '2019.9', '嘉奖', '', '', '2026-10-01', '', '2026-11-20'],
        ['李明', LI.idNumber, '某部三连', '2018-09-01', '三等功', '某集团军', '政干〔2026〕12号', '2026-11-02', '', ''],
        ['赵一', idNumber(21), '某部', '', '三等功', '', '', '2026-10-01', '', ''],
      ]),
    );
    const result = job.result as Rejected;
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => `${p.row}:${p.column}`).sort()).toEqual(['4:className', '5:enlistedOn', '5:familyAddress', '6:className', '7:null'].sort());
    expect(counts()).toEqual(before);
    const text = (await errorRows(h, h.clerk, job.id)).map((r) => r.join(' ')).join('\n');
    expect(text).toContain('没有奖励类别“五等功”');
    expect(text).toContain('该奖励已登记');
    // Only the second 赵一 row failed: the first one is fine and stays out of the error workbook.
    expect(text.split('\n').filter((r) => r.includes('赵一'))).toHaveLength(1);
  });

  it('imports the citation with its line breaks, and awards to units (受奖单位 + 单位类型) beside awards to persons', async () => {
    const before = counts();
    const header = ['姓名', '受奖单位', '单位类型', '身份证号', '奖励类别', '文号', '批准时间', '主要事迹'];
    const rows = [
      ['陈刚', '', '', idNumber(41), '三等功', '政干〔2026〕41号', '2026-09-30', '在抗洪抢险中  连续奋战72小时，\n救出群众12名。'],
      ['', '惠民县人民武装部', '先进单位', '', '荣誉称号', '鲁军〔2026〕7号', '2026-08-01', '双拥工作成绩突出'],
      ['', '胡集镇民兵应急连', '', '', '嘉奖', '', '2026-08-01', ''],
    ];
    const { preview, job } = await importFile(h, h.clerk, 'awards', 'mixed.xlsx', await ledgerXlsx('名单', header, rows));
    expect(Object.values(preview.mapping)).toEqual(['name', 'unitName', 'unitType', 'idNumber', 'className', 'orderNo', 'awardDate', 'citation']);
    expect(job).toMatchObject({ status: 'done', result: { ok: true, imported: 3, summary: { awards: 3, letters: 0 } } });
    // Units make no person rows.
    expect(counts()).toEqual({ awards: before.awards + 3, letters: before.letters, persons: before.persons + 1 });

    const chen = await h.ok('awards.get', { id: (await h.ok('awards.list', { query: '陈刚' }, h.clerk)).rows[0]!.id }, h.clerk);
    expect(chen.citation).toBe('在抗洪抢险中 连续奋战72小时，\n救出群众12名。');
    const unitRow = (await h.ok('awards.list', { query: '武装部' }, h.clerk)).rows[0]!;
    expect(unitRow).toMatchObject({ recipientKind: 'unit', recipientName: '惠民县人民武装部', className: '荣誉称号' });
    const unit = await h.ok('awards.get', { id: unitRow.id }, h.clerk);
    expect(unit).toMatchObject({ citation: '双拥工作成绩突出', orderNo: '鲁军〔2026〕7号', recipient: { kind: 'unit', personId: null, unitType: '先进单位', divisionCode: null } });
    const audit = await h.ok('audit.list', { entity: 'award', entityId: String(unit.id) }, h.admin);
    expect(audit.entries[0]).toMatchObject({ action: 'import', after: { unitName: '惠民县人民武装部', unitType: '先进单位' } });
  });

  it('refuses a unit row with an ID number, a row naming both a person and a unit, a row naming neither, and a unit award already registered', async () => {
    const before = counts();
    const header = ['姓名', '受奖单位', '单位类型', '身份证号', '奖励类别', '文号', '批准时间'];
    const rows = [
      ['', '惠民县人民武装部', '先进单位', '', '荣誉称号', '鲁军〔2026〕7号', '2026-08-01'],
      ['', '城关镇武装部', '', idNumber(51), '嘉奖', '', '2026-08-02'],
      ['刘洋', '城关镇武装部', '', '', '嘉奖', '', '2026-08-03'],
      ['', '', '', '', '嘉奖', '', '2026-08-04'],
      ['周平', '', '先进单位', '', '嘉奖', '', '2026-08-05'],
      ['', '李家村民兵排', '', '', '嘉奖', '', '2026-08-06'],
      ['', '李家村民兵排', '', '', '嘉奖', '', '2026-08-06'],
    ];
    const { job } = await importFile(h, h.clerk, 'awards', 'units-bad.xlsx', await ledgerXlsx('名单', header, rows));
    const result = job.result as Rejected;
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => `${p.row}:${p.column}`).sort()).toEqual(['3:className', '4:idNumber', '5:unitName', '6:name', '7:unitType', '9:null'].sort());
    const text = (await errorRows(h, h.clerk, job.id)).map((r) => r.join(' ')).join('\n');
    expect(text).toContain('该奖励已登记（同一单位、类别、批准时间和文号）');
    expect(text).toContain('受奖单位不填身份证号和性别');
    expect(text).toContain('姓名和受奖单位只填一项');
    expect(text).toContain('姓名或受奖单位须填写一项');
    expect(text).toContain('与第 8 行是同一项奖励（同一单位');
    expect(counts()).toEqual(before);
  });

  it('reads a GBK CSV saved by WPS', async () => {
    const before = counts();
    const csv = `姓名,身份证号,奖励类别,批准时间,家庭住址,接收日期\n周大山,${idNumber(31)},嘉奖,2026/10/9,惠民县幸福村,2026/11/23\n`;
    const { job } = await importFile(h, h.clerk, 'awards', '名单.csv', iconv.encode(csv, 'gbk'));
    expect(job).toMatchObject({ status: 'done', result: { ok: true, imported: 1, summary: { letters: 1 } } });
    expect(counts()).toEqual({ awards: before.awards + 1, letters: before.letters + 1, persons: before.persons + 1 });
  });

  it('a cancelled import leaves nothing', async () => {
    const before = counts();
    const many = Array.from({ length: 3000 }, (_, i) => [`吴${'一二三四五六七八九十'[i % 10]}`, '', '某部', '', '嘉奖', '', `令${i}`, '2026-10-01', '', '']);
    const uploadId = await upload(h, h.clerk, 'big.xlsx', await sheet(many));
    const p = await h.ok('awards.importPreview', { uploadId }, h.clerk);
    const { jobId } = await h.ok('awards.import', { uploadId, mapping: p.mapping }, h.clerk);
    await h.ok('jobs.cancel', { id: jobId }, h.clerk);
    expect((await h.core.jobs.wait(jobId)).status).toBe('cancelled');
    expect(counts()).toEqual(before);
  });
});
