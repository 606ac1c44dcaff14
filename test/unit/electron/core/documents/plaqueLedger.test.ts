import { describe, expect, it } from 'vitest';
import { CoverageCheck } from '../../../../../electron/core/documents/fonts';
import { Layout } from '../../../../../electron/core/documents/layout/page';
import {
  checkIssuanceSlip,
  checkPlaqueLedger,
  drawIssuanceSlip,
  drawPlaqueLedger,
  LEDGER_PAGE,
  SLIP_PAGE,
  type IssuanceSlipData,
  type PlaqueLedgerData,
} from '../../../../../electron/core/documents/templates/plaqueLedger';
import { FONTS_DIR, fonts, info, linesOf, pagesText } from './pdfTools';

const SURNAMES = '王李张刘陈杨赵黄周吴';
const ledger = (count: number): PlaqueLedgerData => ({
  division: '山东省滨州市惠民县石庙镇大王村',
  issuer: '惠民县退役军人事务局',
  dateStyle: 'arabic',
  date: '2026-11-23',
  lines: Array.from({ length: count }, (_, i) => ({
    householder: `${SURNAMES[i % 10]}户主${i + 1}`,
    qualifying: i % 5 === 0 ? `${SURNAMES[i % 10]}光明（父）、${SURNAMES[(i + 3) % 10]}秀兰（母）` : `${SURNAMES[i % 10]}光明`,
    category: ['烈士遗属', '现役军人家庭', '退役军人家庭', '因公牺牲军人遗属', '病故军人遗属'][i % 5]!,
    plaqueNo: `GRP-3716-${String(i + 1).padStart(5, '0')}`,
    address: `石庙镇大王村${i + 1}号`,
    hungDate: i % 9 === 8 ? '' : '2026-05-01',
    position: '大门右侧',
    status: i % 9 === 8 ? '已取消' : undefined,
  })),
});

async function ledgerPdf(data: PlaqueLedgerData): Promise<Buffer> {
  const layout = new Layout(FONTS_DIR, { title: `光荣牌悬挂登记表 ${data.division}`, author: data.issuer, size: LEDGER_PAGE });
  drawPlaqueLedger(layout, data);
  return layout.toBuffer();
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('光荣牌悬挂登记表', () => {
  it('is landscape A4, with the header, 内部资料 and page numbers on every page and every household once', async () => {
    const data = ledger(45);
    const pdf = await ledgerPdf(data);
    const pdfInfo = info(pdf);
    expect(pdfInfo.width).toBeCloseTo(297, 0);
    expect(pdfInfo.height).toBeCloseTo(210, 0);
    const pages = pagesText(pdf);
    expect(pages.length).toBe(pdfInfo.pages);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      const text = squash(page);
      expect(text).toContain('光荣牌悬挂登记表');
      expect(text).toContain('区划：山东省滨州市惠民县石庙镇大王村');
      expect(text).toContain('序号户主享受人员类别光荣牌编号门牌地址悬挂日期悬挂位置户主签字');
      expect(text).toContain('内部资料');
      expect(text).toContain(`第${i + 1}页共${pages.length}页`);
    });
    const numbers = pages.flatMap((p) => [...p.matchAll(/GRP-3716-(\d{5})/g)].map((m) => Number(m[1])));
    expect(numbers).toEqual(data.lines.map((_, i) => i + 1));
    const last = squash(pages.at(-1)!);
    expect(last).toContain('经办人（签字）：');
    expect(last).toContain('负责人（签字）：');
    expect(last).toContain('本表共45户');
    expect(squash(pages[0]!)).toContain('2026年5月1日');
    expect(squash(pages[0]!)).toContain('（已取消）');
    for (const f of fonts(pdf)) expect(f.embedded && f.subset).toBe(true);
  });

  it('gives the signature column room: every line at least 11 mm', async () => {
    const pdf = await ledgerPdf(ledger(60));
    // 11 mm rows on ~167 mm of table: at most 15 households a page.
    const perPage = pagesText(pdf).map((p) => linesOf(p).filter((l) => /GRP-3716-/.test(l)).length);
    for (const n of perPage) expect(n).toBeLessThanOrEqual(15);
  });

  it('reports a character no font covers, by household and field', () => {
    const check = new CoverageCheck(FONTS_DIR);
    const data = ledger(3);
    checkPlaqueLedger(check, { ...data, lines: [{ ...data.lines[0]!, householder: '王\u{2A6A5}' }, ...data.lines.slice(1)] });
    expect(check.problems).toEqual([{ record: '王\u{2A6A5}（GRP-3716-00001）', field: '户主 householder', characters: ['\u{2A6A5}'] }]);
  });
});

const slip: IssuanceSlipData = {
  serial: 'HZ-2026-0042',
  householder: '张大山',
  address: '惠民县石庙镇大王村12号',
  qualifying: '张光明（烈士）',
  category: '烈士遗属',
  plaqueNo: 'GRP-3716-00042',
  kind: '新发',
  issuedDate: '2026-11-23',
  issuer: '惠民县退役军人事务局',
  dateStyle: 'chinese',
};

async function slipPdf(fieldsOnly: boolean): Promise<Buffer> {
  const layout = new Layout(FONTS_DIR, { title: '光荣牌发放回执', author: slip.issuer, size: SLIP_PAGE, fieldsOnly });
  drawIssuanceSlip(layout, slip);
  return layout.toBuffer();
}

describe('光荣牌发放回执', () => {
  it('is half an A4 sheet with the labels and the values', async () => {
    const pdf = await slipPdf(false);
    const i = info(pdf);
    expect([i.pages, Math.round(i.width), Math.round(i.height)]).toEqual([1, 210, 149]);
    const text = squash(pagesText(pdf)[0]!);
    for (const s of ['光荣牌发放回执', '户主', '张大山', '门牌地址', '惠民县石庙镇大王村12号', '张光明（烈士）', '烈士遗属', 'GRP-3716-00042', '新发', '户主签字', '二〇二六年十一月二十三日', 'HZ-2026-0042']) {
      expect(text).toContain(s);
    }
  });

  it('prints only the values for a pre-printed slip', async () => {
    const text = squash(pagesText(await slipPdf(true))[0]!);
    for (const s of ['张大山', 'GRP-3716-00042', '烈士遗属', '惠民县退役军人事务局']) expect(text).toContain(s);
    for (const s of ['光荣牌发放回执', '门牌地址', '户主签字', '发放单位']) expect(text).not.toContain(s);
  });

  it('checks its texts in the kai font', () => {
    const check = new CoverageCheck(FONTS_DIR);
    checkIssuanceSlip(check, { ...slip, address: '大王村\u{2A6A5}号' });
    expect(check.problems.map((p) => p.field)).toEqual(['门牌地址 address']);
  });
});
