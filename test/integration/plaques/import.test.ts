import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';
import { loadVillages, VILLAGE, VILLAGE2 } from './fixtures';
import { errorRows, idNumber, importFile, ledgerXlsx, type Rejected } from '../imports/ledgerFixtures';
import { upload } from '../attachments/client';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
beforeAll(async () => {
  t = await makeSetUpCore();
  loadVillages(t);
});
afterAll(() => t.dispose());

const HEADER = ['序号', '户主姓名', '身份证号', '住址', '乡镇', '村', '优待对象类别', '光荣牌编号', '悬挂时间', '状态', '备注'];
const sheet = (rows: (string | number | Date | null)[][]) => ledgerXlsx('测试新镇光荣牌悬挂登记表', HEADER, rows.map((r, i) => [i + 1, ...r]));
const counts = () => t.core.db.prepare('SELECT (SELECT count(*) FROM households) AS households, (SELECT count(*) FROM plaques) AS plaques, (SELECT count(*) FROM persons) AS persons').get() as { households: number; plaques: number; persons: number };

describe('importing a plaque ledger (光荣牌悬挂登记表)', () => {
  it('creates exactly one household, qualifying person and plaque per row, with status and dates as in the sheet', async () => {
    const before = counts();
    const { preview, job } = await importFile(
      t,
      t.admin,
      'plaques',
      'ledger.xlsx',
      await sheet([
        ['赵大海', idNumber(1), '幸福村3组', '测试新镇', '幸福村', '烈士遗属', 'GR-0001', new Date(Date.UTC(2024, 0, 20)), '已悬挂', ''],
        ['钱小梅', idNumber(2), '团结村', '测试新', '团结', '现役军人家庭', 'GR-0002', null, '已发放', '新入伍'],
        ['孙 立', '', '幸福村8号', '', '幸福村', '退役军人家庭', 'GR-0003', '2023.8.1', '', ''],
      ]),
    );
    expect(preview.headerRow).toBe(1);
    expect(Object.values(preview.mapping).sort()).toEqual(['addressText', 'category', 'headName', 'hungDate', 'idNumber', 'plaqueNumber', 'remarks', 'status', 'township', 'village'].sort());
    expect(job).toMatchObject({ status: 'done', result: { ok: true, imported: 3, summary: { households: 3, plaques: 3 } } });
    expect(counts()).toEqual({ households: before.households + 3, plaques: before.plaques + 3, persons: before.persons + 3 });
    const ledger = await t.ok('plaques.ledger', { divisionCode: VILLAGE }, t.admin);
    expect(ledger.rows.map((r) => [r.headName, r.plaqueNumber, r.status, r.category, r.hungDate])).toEqual(
      expect.arrayContaining([
        ['赵大海', 'GR-0001', 'hung', 'martyr_family', '2024-01-20'],
        ['孙立', 'GR-0003', 'hung', 'veteran', '2023-08-01'],
      ]),
    );
    const other = await t.ok('plaques.ledger', { divisionCode: VILLAGE2 }, t.admin);
    expect(other.rows.find((r) => r.headName === '钱小梅')).toMatchObject({ status: 'issued', category: 'active_service' });
    const audit = t.core.db.prepare("SELECT entity, count(*) AS n FROM audit_log WHERE action = 'import' GROUP BY entity ORDER BY entity").all();
    expect(audit).toEqual([
      { entity: 'household', n: 3 },
      { entity: 'person', n: 3 },
      { entity: 'plaque', n: 3 },
    ]);
  });

  it('a file with bad rows writes nothing and returns an error workbook with the reasons', async () => {
    const before = counts();
    const { job } = await importFile(
      t,
      t.admin,
      'plaques',
      'bad.xlsx',
      await sheet([
        ['周一', idNumber(3), '幸福村', '测试新镇', '幸福村', '烈士遗属', 'GR-0101', '2024-02-01', '已悬挂', ''],
        ['吴二', idNumber(4).slice(0, 17) + '0', '幸福村', '测试新镇', '幸福村', '烈士遗属', 'GR-0102', '', '', ''],
        ['郑三', idNumber(5), '', '测试新镇', '光明村', '退役军人家庭', 'GR-0103', '', '', ''],
        ['王四', idNumber(6), '', '测试新镇', '幸福村', '退役军人家庭', 'GR-0001', '', '', ''],
        ['冯五', idNumber(7), '', '测试新镇', '幸福村', '五保户', 'GR-0105', '', '已挂起', ''],
      ]),
    );
    expect(job.status).toBe('done');
    const result = job.result as Rejected;
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => `${p.row}:${p.column}`).sort()).toEqual(['4:idNumber', '5:village', '6:plaqueNumber', '7:category', '7:status'].sort());
    expect(result.problems.find((p) => p.column === 'village')!.message.zh).toContain('光明村');
    expect(counts()).toEqual(before);
    const rows = await errorRows(t, t.admin, job.id);
    const text = rows.map((r) => r.join(' ')).join('\n');
    expect(text).toContain('吴二');
    expect(text).toContain('校验位');
    expect(text).toContain('GR-0001 已在系统中使用');
    expect(text).not.toContain('周一');
  });

  it('refuses a household with two plaques in one sheet', async () => {
    const before = counts();
    const id = idNumber(8);
    const { job } = await importFile(
      t,
      t.admin,
      'plaques',
      'twice.xlsx',
      await sheet([
        ['陈六', id, '团结村', '测试新镇', '团结村', '退役军人家庭', 'GR-0201', '', '已悬挂', ''],
        ['陈六', id, '团结村', '测试新镇', '团结村', '退役军人家庭', 'GR-0202', '', '已制作', ''],
      ]),
    );
    const result = job.result as Rejected;
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ row: 4, column: null, message: expect.objectContaining({ zh: expect.stringContaining('一户只能有一块光荣牌') }) })]);
    expect(counts()).toEqual(before);
  });

  it('a cancelled import leaves nothing', async () => {
    const before = counts();
    const many = Array.from({ length: 3000 }, (_, i) => [`褚${'一二三四五六七八九十'[i % 10]}`, '', `幸福村${i}号`, '测试新镇', '幸福村', '退役军人家庭', `GR-C${i}`, '', '', '']);
    const uploadId = await upload(t, t.admin, 'big.xlsx', await sheet(many));
    const p = await t.ok('plaques.importPreview', { uploadId }, t.admin);
    const { jobId } = await t.ok('plaques.import', { uploadId, mapping: p.mapping }, t.admin);
    await t.ok('jobs.cancel', { id: jobId }, t.admin);
    expect((await t.core.jobs.wait(jobId)).status).toBe('cancelled');
    expect(counts()).toEqual(before);
  });
});
