/**
 * 光荣牌悬挂登记表 — the ledger an office keeps per township or village (登记造册), signed by each
 * family: landscape A4, the division in the title, one line per household (hung and cancelled
 * alike), the header on every page, "第 N 页 共 M 页" and "内部资料" at the foot, and lines for
 * 经办人 and 负责人 to sign at the end.
 *
 * 光荣牌发放回执 — the household's issuance slip, half an A4 sheet (A5 landscape); with
 * `fieldsOnly` (套打 on pre-printed slips) only the filled-in values are printed.
 *
 * Pure over plain data: the caller reads the ledger and maps categories to their Chinese names.
 */
import type { CoverageCheck } from '../fonts';
import { printDate, type DateStyle } from '../dates';
import { pageNumberText, type Layout, type TextStyle } from '../layout/page';
import { drawTable, type Column } from '../layout/table';

export const LEDGER_PAGE = { width: 297, height: 210 } as const;
export const SLIP_PAGE = { width: 210, height: 148.5 } as const;
export const INTERNAL_MARK = '内部资料';

export interface PlaqueLedgerLine {
  householder: string;
  /** The qualifying people, as printed: 张光明（父）、李秀兰. */
  qualifying: string;
  /** 烈士遗属, 现役军人家庭 … */
  category: string;
  plaqueNo: string;
  address: string;
  /** ISO date, or as written; '' when not hung. */
  hungDate: string;
  /** 大门右侧 … */
  position: string;
  /** 已收回, 已取消 …: printed under the position (the ledger keeps cancelled households too). */
  status?: string;
}

export interface PlaqueLedgerData {
  /** The division the ledger is for, in full: 山东省滨州市惠民县石庙镇大王村. */
  division: string;
  issuer: string;
  dateStyle: DateStyle;
  /** The date printed under the title (ISO). */
  date: string;
  lines: readonly PlaqueLedgerLine[];
  /** The register's serial, printed at the foot of every page. */
  serial?: string;
}

export function checkPlaqueLedger(check: CoverageCheck, data: PlaqueLedgerData): void {
  check.check('sans', data.division, '区划 division', data.division);
  check.check('sans', data.division, '单位 issuer', data.issuer);
  for (const l of data.lines) {
    const record = `${l.householder}（${l.plaqueNo || l.address}）`;
    check.check('sans', record, '户主 householder', l.householder);
    check.check('sans', record, '享受人员 qualifying', l.qualifying);
    check.check('sans', record, '类别 category', l.category);
    check.check('sans', record, '光荣牌编号 plaqueNo', l.plaqueNo);
    check.check('sans', record, '门牌地址 address', l.address);
    check.check('sans', record, '悬挂日期 hungDate', l.hungDate);
    check.check('sans', record, '悬挂位置 position', l.position);
    check.check('sans', record, '状态 status', l.status);
  }
}

const cell: TextStyle = { font: 'sans', size: 9, leading: 1.35 };
const MARGIN = 12;

function ledgerColumns(dateStyle: DateStyle): Column<PlaqueLedgerLine & { index: number }>[] {
  return [
    { title: '序号', width: 11, value: (l) => String(l.index), align: 'center' },
    { title: '户主', width: 22, value: (l) => l.householder, align: 'center' },
    { title: '享受人员', width: 36, value: (l) => l.qualifying },
    { title: '类别', width: 25, value: (l) => l.category, align: 'center' },
    { title: '光荣牌编号', width: 35, value: (l) => l.plaqueNo, align: 'center' },
    { title: '门牌地址', width: 49, value: (l) => l.address },
    { title: '悬挂日期', width: 27, value: (l) => printDate(l.hungDate, dateStyle), align: 'center' },
    { title: '悬挂位置', width: 28, value: (l) => (l.status ? `${l.position}\n（${l.status}）` : l.position) },
    { title: '户主签字', width: 40, value: () => '' },
  ];
}

/** Draws the whole ledger into `layout` (made with LEDGER_PAGE); `onRow` reports progress. */
export function drawPlaqueLedger(layout: Layout, data: PlaqueLedgerData, onRow?: (index: number) => void): void {
  const W = layout.pageWidth;
  const title: TextStyle = { font: 'sans', size: 16, leading: 1.3, align: 'center', tracking: 2 };
  const sub: TextStyle = { font: 'sans', size: 10, leading: 1.3 };
  const head = () => {
    layout.text('光荣牌悬挂登记表', { x: MARGIN, y: 10, width: W - 2 * MARGIN }, title);
    layout.text(`区划：${data.division}`, { x: MARGIN, y: 20, width: 180 }, sub);
    layout.text(`填报单位：${data.issuer}　　日期：${printDate(data.date, data.dateStyle)}`, { x: W - MARGIN - 150, y: 20, width: 150 }, { ...sub, align: 'right' });
    return 27;
  };
  layout.addPage();
  const top = head();
  const bottom = layout.pageHeight - 16;
  const rows = data.lines.map((l, i) => ({ ...l, index: i + 1 }));
  let y = drawTable(layout, ledgerColumns(data.dateStyle), rows, top, {
    top,
    bottom,
    left: MARGIN + (W - 2 * MARGIN - 273) / 2,
    style: cell,
    headerStyle: { ...cell, size: 10 },
    padding: 1.6,
    minRowHeight: 11,
    onNewPage: head,
    onRow,
  });
  // The signatures after the last line, on a new page if they do not fit.
  if (y + 22 > bottom) {
    layout.addPage();
    y = head();
  }
  const sign: TextStyle = { font: 'sans', size: 11, leading: 1.3 };
  const signY = y + 10;
  const labels = ['经办人（签字）：', '负责人（签字）：', '日期：'];
  labels.forEach((label, i) => {
    const x = MARGIN + 8 + i * 92;
    layout.text(label, { x, y: signY, width: 40 }, sign);
    const after = x + layout.measure(label, sign) + 1;
    layout.line(after, signY + 6, x + 82, signY + 6, 0.25);
  });
  layout.text(`本表共 ${data.lines.length} 户`, { x: MARGIN + 8, y: y + 2, width: 100 }, { ...sign, size: 9 });
  layout.finishPages((page, total) => {
    const foot: TextStyle = { font: 'sans', size: 8.5, leading: 1.2 };
    layout.text(INTERNAL_MARK, { x: MARGIN, y: layout.pageHeight - 10, width: 40 }, foot);
    layout.text(pageNumberText(page, total), { x: 0, y: layout.pageHeight - 10, width: W }, { ...foot, align: 'center' });
    if (data.serial) layout.text(`编号：${data.serial}`, { x: W - MARGIN - 70, y: layout.pageHeight - 10, width: 70 }, { ...foot, align: 'right' });
  });
}

export interface IssuanceSlipData {
  serial: string;
  householder: string;
  address: string;
  qualifying: string;
  category: string;
  plaqueNo: string;
  /** 新发, 补发, 更换. */
  kind: string;
  /** ISO date. */
  issuedDate: string;
  issuer: string;
  dateStyle: DateStyle;
  /** Set for a reprint: the original slip's serial, printed as 补印 beside the new one. */
  reprintOf?: string | null;
}

export function checkIssuanceSlip(check: CoverageCheck, data: IssuanceSlipData): void {
  const record = `${data.householder}（${data.plaqueNo}）`;
  check.check('kai', record, '户主 householder', data.householder);
  check.check('kai', record, '门牌地址 address', data.address);
  check.check('kai', record, '享受人员 qualifying', data.qualifying);
  check.check('kai', record, '类别 category', data.category);
  check.check('kai', record, '光荣牌编号 plaqueNo', data.plaqueNo);
  check.check('kai', record, '发放类型 kind', data.kind);
  check.check('kai', record, '发放单位 issuer', data.issuer);
}

/** The slip's grid: label cells (fixed, pre-printed) and value cells, in mm on SLIP_PAGE. */
const SLIP_LEFT = 18;
const SLIP_TOP = 34;
const ROW = 14;
const LABEL_W = 30;
const VALUE_W = 144;

/** Draws one slip on a new page (the layout made with SLIP_PAGE). */
export function drawIssuanceSlip(layout: Layout, data: IssuanceSlipData): void {
  layout.addPage();
  const W = layout.pageWidth;
  const fixed: TextStyle = { font: 'kai', size: 12, leading: 1.3, align: 'center', fixed: true };
  const value: TextStyle = { font: 'kai', size: 12.5, leading: 1.3 };
  layout.text('光荣牌发放回执', { x: 0, y: 12, width: W }, { font: 'kai', size: 20, leading: 1.2, align: 'center', tracking: 4, fixed: true });
  layout.text(`编号：${data.serial}`, { x: W - SLIP_LEFT - 70, y: 25, width: 70 }, { font: 'kai', size: 10, leading: 1.2, align: 'right' });
  if (data.reprintOf) {
    layout.text(`补印　原编号：${data.reprintOf}`, { x: SLIP_LEFT, y: 25, width: 90 }, { font: 'kai', size: 10, leading: 1.2, color: '#b71c1c' });
  }
  const half = (VALUE_W - LABEL_W) / 2;
  const rows: { label: string; value: string; label2?: string; value2?: string }[] = [
    { label: '户　　主', value: data.householder, label2: '类　　别', value2: data.category },
    { label: '门牌地址', value: data.address },
    { label: '享受人员', value: data.qualifying },
    { label: '光荣牌编号', value: data.plaqueNo, label2: '发放类型', value2: data.kind },
    { label: '户主签字', value: '', label2: '签收日期', value2: '' },
  ];
  rows.forEach((r, i) => {
    const y = SLIP_TOP + i * ROW;
    const mid = (h: number) => y + (ROW - layout.lineHeight({ ...value, size: h })) / 2;
    layout.rect(SLIP_LEFT, y, LABEL_W, ROW);
    layout.text(r.label, { x: SLIP_LEFT, y: mid(12), width: LABEL_W }, fixed);
    if (r.label2 === undefined) {
      layout.rect(SLIP_LEFT + LABEL_W, y, VALUE_W, ROW);
      layout.text(r.value, { x: SLIP_LEFT + LABEL_W + 2, y: mid(12.5), width: VALUE_W - 4, height: ROW }, value);
      return;
    }
    layout.rect(SLIP_LEFT + LABEL_W, y, half, ROW);
    layout.text(r.value, { x: SLIP_LEFT + LABEL_W + 2, y: mid(12.5), width: half - 4, height: ROW }, value);
    layout.rect(SLIP_LEFT + LABEL_W + half, y, LABEL_W, ROW);
    layout.text(r.label2, { x: SLIP_LEFT + LABEL_W + half, y: mid(12), width: LABEL_W }, fixed);
    layout.rect(SLIP_LEFT + 2 * LABEL_W + half, y, half, ROW);
    layout.text(r.value2 ?? '', { x: SLIP_LEFT + 2 * LABEL_W + half + 2, y: mid(12.5), width: half - 4, height: ROW }, value);
  });
  const footY = SLIP_TOP + rows.length * ROW + 6;
  layout.text('发放单位（盖章）：', { x: SLIP_LEFT, y: footY, width: 60 }, { ...value, fixed: true });
  layout.text(data.issuer, { x: SLIP_LEFT + 38, y: footY, width: 80 }, value);
  layout.text(printDate(data.issuedDate, data.dateStyle), { x: W - SLIP_LEFT - 60, y: footY, width: 60 }, { ...value, align: 'right' });
}
