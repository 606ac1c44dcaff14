/**
 * `npx tsx test/bench/pdfRenders.ts`: one sample of each document template, rendered to PNG with
 * poppler (`pdftoppm -r 60`) into docs/documents/ for the README. Sample data only, no database.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { Layout } from '../../electron/core/documents/layout/page';
import { DEFAULT_LETTER_WORDING, drawLetter } from '../../electron/core/documents/templates/goodNewsLetter';
import { drawIssuanceSlip, drawPlaqueLedger, LEDGER_PAGE, SLIP_PAGE } from '../../electron/core/documents/templates/plaqueLedger';
import { rollOfHonourPdf } from '../../electron/core/documents/templates/rollOfHonour';
import { drawRecordSheet } from '../../electron/core/documents/templates/recordSheet';
import { anyListPdf } from '../../electron/core/documents/templates/anyList';
import { drawCalibration } from '../../electron/core/documents/templates/calibration';
import { tempDir } from '../support/tempCore';
import { benchLetters } from './pdfLetters';

const root = resolve(import.meta.dirname, '../..');
const fontsDir = join(root, 'resources/fonts');
const out = join(root, 'docs/documents');
mkdirSync(out, { recursive: true });
const work = tempDir('guangrong-renders-');
const issuer = '惠民县退役军人事务局';
const NAMES = ['丁大山', '于海', '王二小', '王光明', '牛振华', '卢德胜', '刘志强', '孙卫东', '李秀兰', '杨春生', '张红军', '陈建国', '周晓峰', '赵海涛'];

/** Renders pages `first..last` of a PDF to docs/documents/<name>[-N].png. */
function render(name: string, pdf: Buffer, first = 1, last = first): void {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(first), '-l', String(last), file, join(out, name)]);
}

const single = async (size: { width: number; height: number } | undefined, draw: (l: Layout) => void, fieldsOnly = false) => {
  const layout = new Layout(fontsDir, { title: 'sample', author: issuer, size, fieldsOnly });
  draw(layout);
  return layout.toBuffer();
};

try {
  const office = { issuer, place: '山东省惠民县', dateStyle: 'chinese' as const, date: '2026-11-23' };
  render('letter', await single(undefined, (l) => drawLetter(l, benchLetters(1)[0]!, office, DEFAULT_LETTER_WORDING)));
  render('letter-fields-only', await single(undefined, (l) => drawLetter(l, benchLetters(1)[0]!, office, DEFAULT_LETTER_WORDING), true));
  const lines = Array.from({ length: 8 }, (_, i) => ({
    householder: NAMES[i]!,
    qualifying: i % 3 === 0 ? `${NAMES[i]!.slice(0, 1)}光明（父）` : `${NAMES[i]!.slice(0, 1)}建国`,
    category: ['烈士遗属', '现役军人家庭', '退役军人家庭', '病故军人遗属'][i % 4]!,
    plaqueNo: `GRP-3716-${String(i + 1).padStart(5, '0')}`,
    address: `石庙镇大王村${i + 3}号`,
    hungDate: '2026-05-01',
    position: '大门右侧',
    status: i === 6 ? '已取消' : undefined,
  }));
  render('plaque-ledger', await single(LEDGER_PAGE, (l) => drawPlaqueLedger(l, { division: '山东省滨州市惠民县石庙镇大王村', issuer, dateStyle: 'arabic', date: '2026-11-23', lines })));
  const slip = { serial: 'HZ-2026-0042', householder: '张大山', address: '惠民县石庙镇大王村12号', qualifying: '张光明（烈士）', category: '烈士遗属', plaqueNo: 'GRP-3716-00042', kind: '新发', issuedDate: '2026-11-23', issuer, dateStyle: 'chinese' as const };
  render('issuance-slip', await single(SLIP_PAGE, (l) => drawIssuanceSlip(l, slip)));
  render('issuance-slip-fields-only', await single(SLIP_PAGE, (l) => drawIssuanceSlip(l, slip), true));
  const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ name: NAMES[i % NAMES.length]!, nativePlace: '山东惠民石庙镇', birth: i % 4 === 0 ? '约1920年' : '1921年3月', death: '1947年春', unitAndPost: '华东野战军第九纵队某团战士', deathPlace: i % 3 === 0 ? '孟良崮' : '山东莱芜' }));
  const roll = await rollOfHonourPdf(fontsDir, {
    title: '惠民县烈士英名录',
    issuer,
    dateStyle: 'chinese',
    date: '2026-11-23',
    preface: '为缅怀革命先烈，弘扬英烈精神，我局在全县范围内开展烈士英名录编纂工作。\n本名录按历史时期分卷，卷内按姓氏笔画排列。',
    sections: [
      { title: '抗日战争时期', entries: entries(30) },
      { title: '解放战争时期', entries: entries(14) },
    ],
  });
  render('roll-of-honour', roll.pdf, 1, roll.sectionPages[0]!);
  const scan = await sharp({ create: { width: 300, height: 420, channels: 3, background: '#d9ccb0' } }).png().toBuffer();
  render('record-sheet', await single(undefined, (l) => drawRecordSheet(l, { serial: 'LS-000042', name: '王二小', unnamed: false, gender: '男', ethnicity: '汉族', birth: '1929年', nativePlace: '河北省涞源县上庄村', joined: '1941年', party: '', period: '抗日战争时期', certificateNo: 'ZS-1942-0001', unitAndPost: '晋察冀边区儿童团团员', merits: '追记一等功', death: '1942年10月25日', deathPlace: '河北省涞源县狼牙口', deathCause: '将日军引入八路军埋伏圈，被敌人杀害', burialPlace: '涞源县', cemetery: '涞源县烈士陵园', approvedBy: '晋察冀边区政府', approvedDate: '1942年', nextOfKin: '王大山（父母）', deeds: '王二小，河北省涞源县人，儿童团团员。1942年秋，日军扫荡时，他在山坡放牛，被敌人抓住要他带路。他把敌人引进了八路军的埋伏圈，自己被敌人杀害，年仅十三岁。', remarks: '', source: '涞源县烈士英名录（1985年版），第12页，第3条', status: '已审核', scan })));
  render('any-list', await anyListPdf(fontsDir, { title: '烈士名录（筛选结果）', filter: '时期：抗日战争时期；状态：已审核', columns: [{ title: '姓名' }, { title: '籍贯', weight: 2 }, { title: '牺牲时间' }, { title: '生前单位及职务', weight: 3 }], rows: entries(20).map((e) => [e.name, e.nativePlace, e.death, e.unitAndPost]), issuer, dateStyle: 'arabic', date: '2026-11-23' }));
  render('calibration', await single(undefined, (l) => drawCalibration(l, { profile: 'HP LaserJet · 喜报', offsetText: '右 0 mm，下 0 mm，缩放 100%' })));
} finally {
  rmSync(work, { recursive: true, force: true });
}
