/**
 * 烈士登记表 — one martyr's record on one framed A4 page: every field of the record (shared
 * contract `Martyr`), the source it was keyed from, and a thumbnail of the scan when there is
 * one. Deeds longer than their cell go on to a continuation page of the same record, never cut.
 */
import type { Martyr } from '../../../../shared/contract';
import type { CoverageCheck } from '../fonts';
import type { Layout, TextStyle } from '../layout/page';
import type { Line } from '../layout/lineBreak';
import { PERIOD_NAMES_ZH } from '../../../../shared/rules/historicalPeriod';

export interface RecordSheetData {
  /** What the sheet is filed under (the record's number). */
  serial: string;
  name: string;
  unnamed: boolean;
  gender: string;
  ethnicity: string;
  birth: string;
  nativePlace: string;
  joined: string;
  party: string;
  period: string;
  certificateNo: string;
  unitAndPost: string;
  merits: string;
  death: string;
  deathPlace: string;
  deathCause: string;
  burialPlace: string;
  cemetery: string;
  approvedBy: string;
  approvedDate: string;
  nextOfKin: string;
  deeds: string;
  remarks: string;
  /** 来源: the source, its page and item. */
  source: string;
  /** 审核状态. */
  status: string;
  /** The scan's image (PNG or JPEG), or null. */
  scan: Buffer | null;
  /** Said in the thumbnail's place when `scan` is null (default: there is no scan). */
  scanNote?: string;
}

const GENDERS = { male: '男', female: '女', unknown: '' } as const;
const STATUSES = { draft: '草稿', submitted: '已提交', verified: '已审核', returned: '已退回' } as const;
const RELATIONS = { parent: '父母', spouse: '配偶', child: '子女', sibling: '兄弟姐妹', guardian: '监护人', other: '其他' } as const;

/** A record as the sheet prints it (dates as written in the source, labels in Chinese). */
export function sheetFromMartyr(m: Martyr, scan: Buffer | null): RecordSheetData {
  const source = [m.sourceTitle ?? '', m.sourcePage && `第${m.sourcePage}页`, m.sourceItem && `第${m.sourceItem}条`].filter(Boolean).join('，');
  return {
    serial: `LS-${String(m.id).padStart(6, '0')}`,
    name: m.name,
    unnamed: m.unnamed,
    gender: GENDERS[m.gender],
    ethnicity: m.ethnicity,
    birth: m.birthDate.verbatim,
    nativePlace: [m.nativePlaceText, m.nativePlaceFullName && m.nativePlaceFullName !== m.nativePlaceText ? `（今${m.nativePlaceFullName}）` : ''].join(''),
    joined: m.joinedDate.verbatim,
    party: m.partyDate.verbatim,
    period: m.period ? PERIOD_NAMES_ZH[m.period] : '',
    certificateNo: m.certificateNo,
    unitAndPost: m.unitAndPost,
    merits: m.merits,
    death: m.deathDate.verbatim,
    deathPlace: m.deathPlaceText,
    deathCause: m.deathCause,
    burialPlace: m.burialPlace,
    cemetery: m.cemetery,
    approvedBy: m.approvedBy,
    approvedDate: m.approvedDate.verbatim,
    nextOfKin: m.nextOfKin.map((k) => `${k.name}（${RELATIONS[k.relation]}${k.note ? `，${k.note}` : ''}）`).join('、'),
    deeds: m.deeds,
    remarks: m.remarks,
    source,
    status: STATUSES[m.status],
    scan,
  };
}

type Field = [label: string, key: keyof Omit<RecordSheetData, 'scan' | 'scanNote' | 'unnamed'>];

/** The grid, row by row: label/field pairs sharing the row's width. */
const TOP_ROWS: Field[][] = [
  [['姓名', 'name']],
  [['性别', 'gender'], ['民族', 'ethnicity']],
  [['出生时间', 'birth'], ['历史时期', 'period']],
  [['参加革命时间', 'joined'], ['入党（团）时间', 'party']],
  [['烈士证明书编号', 'certificateNo'], ['审核状态', 'status']],
];
const ROWS: Field[][] = [
  [['籍贯', 'nativePlace']],
  [['生前所在单位及职务', 'unitAndPost']],
  [['牺牲时间', 'death'], ['牺牲地点', 'deathPlace']],
  [['牺牲原因', 'deathCause']],
  [['安葬地', 'burialPlace'], ['烈士陵园', 'cemetery']],
  [['批准机关', 'approvedBy'], ['批准时间', 'approvedDate']],
  [['立功情况', 'merits']],
  [['亲属', 'nextOfKin']],
];
const ALL_FIELDS: Field[] = [...TOP_ROWS.flat(), ...ROWS.flat(), ['事迹', 'deeds'], ['备注', 'remarks'], ['来源', 'source']];

export function checkRecordSheet(check: CoverageCheck, data: RecordSheetData): void {
  for (const [label, key] of ALL_FIELDS) check.check('sans', `${data.name}（${data.serial}）`, `${label} ${key}`, data[key]);
}

const LEFT = 15;
const WIDTH = 180;
const LABEL = 27;
const PHOTO = 42;
const MIN_ROW = 9;
const PAD = 1.5;
const value: TextStyle = { font: 'sans', size: 10, leading: 1.35 };
const label: TextStyle = { font: 'sans', size: 9.5, leading: 1.25, align: 'center', fixed: true };

/** Draws one record on a new page (or more, when the deeds run over). */
export function drawRecordSheet(layout: Layout, data: RecordSheetData): void {
  layout.addPage();
  const title: TextStyle = { font: 'kai', size: 22, leading: 1.3, align: 'center', tracking: 4, fixed: true };
  layout.text('烈士登记表', { x: LEFT, y: 14, width: WIDTH }, title);
  layout.text(`编号：${data.serial}`, { x: LEFT + WIDTH - 70, y: 26, width: 70 }, { font: 'sans', size: 9, leading: 1.2, align: 'right' });
  let y = 32;
  const cellHeight = (text: string, width: number) => Math.max(MIN_ROW, layout.textHeight(text, width - 2 * PAD, value) + 2 * PAD);
  const drawRow = (fields: Field[], width: number) => {
    const valueWidth = (width - fields.length * LABEL) / fields.length;
    const texts = fields.map(([, key]) => (key === 'name' && data.unnamed ? `${data.name}（无名烈士）` : data[key]));
    const height = Math.max(...texts.map((t) => cellHeight(t, valueWidth)), ...fields.map(([l]) => layout.textHeight(l, LABEL - 2 * PAD, label) + 2 * PAD));
    let x = LEFT;
    fields.forEach(([l], i) => {
      layout.fillRect(x, y, LABEL, height, '#f3f3f3');
      layout.rect(x, y, LABEL, height, 0.25);
      layout.text(l, { x: x + PAD, y: y + (height - layout.textHeight(l, LABEL - 2 * PAD, label)) / 2, width: LABEL - 2 * PAD }, label);
      layout.rect(x + LABEL, y, valueWidth, height, 0.25);
      layout.text(texts[i]!, { x: x + LABEL + PAD, y: y + (height - layout.textHeight(texts[i]!, valueWidth - 2 * PAD, value)) / 2, width: valueWidth - 2 * PAD }, value);
      x += LABEL + valueWidth;
    });
    y += height;
  };
  // The top rows leave room on the right for the scan's thumbnail.
  const photoTop = y;
  for (const row of TOP_ROWS) drawRow(row, WIDTH - PHOTO);
  const photoHeight = y - photoTop;
  layout.rect(LEFT + WIDTH - PHOTO, photoTop, PHOTO, photoHeight, 0.25);
  if (data.scan) layout.image(data.scan, { x: LEFT + WIDTH - PHOTO + 1, y: photoTop + 1, width: PHOTO - 2, height: photoHeight - 2 });
  else layout.text(data.scanNote ?? '（无扫描件）', { x: LEFT + WIDTH - PHOTO, y: photoTop + photoHeight / 2 - 3, width: PHOTO }, { ...label, color: '#888888' });
  for (const row of ROWS) drawRow(row, WIDTH);
  // Remarks and source at the foot, the deeds take what is left between.
  const bottom = 297 - 18;
  const foot: Field[] = [['备注', 'remarks'], ['来源', 'source']];
  const footHeight = foot.reduce((sum, [, key]) => sum + cellHeight(data[key], WIDTH - LABEL), 0);
  const deedsBottom = bottom - footHeight;
  const lines = layout.lines(data.deeds, WIDTH - LABEL - 2 * PAD, value);
  const fit = Math.max(1, Math.floor((deedsBottom - y - 2 * PAD) / layout.lineHeight(value)));
  const drawDeeds = (part: Line[], top: number, height: number, name: string) => {
    layout.fillRect(LEFT, top, LABEL, height, '#f3f3f3');
    layout.rect(LEFT, top, LABEL, height, 0.25);
    layout.text(name, { x: LEFT + PAD, y: top + PAD, width: LABEL - 2 * PAD }, label);
    layout.rect(LEFT + LABEL, top, WIDTH - LABEL, height, 0.25);
    // Line by line, justified but for the last line of each paragraph.
    part.forEach((l, i) => layout.text(l.text, { x: LEFT + LABEL + PAD, y: top + PAD + i * layout.lineHeight(value), width: WIDTH - LABEL - 2 * PAD }, { ...value, align: l.last ? 'left' : 'justify' }));
  };
  const here = lines.slice(0, fit);
  drawDeeds(here, y, deedsBottom - y, '事迹');
  y = deedsBottom;
  for (const field of foot) drawRow([field], WIDTH);
  // The rest of the deeds on continuation pages.
  let rest = lines.slice(fit);
  while (rest.length > 0) {
    layout.addPage();
    layout.text(`烈士登记表（续）　${data.name}　编号：${data.serial}`, { x: LEFT, y: 14, width: WIDTH }, { font: 'sans', size: 11, leading: 1.3 });
    const n = Math.floor((bottom - 24 - 2 * PAD) / layout.lineHeight(value));
    drawDeeds(rest.slice(0, n), 24, bottom - 24, '事迹（续）');
    rest = rest.slice(n);
  }
}

/**
 * After every sheet is drawn: the register's serial of the document and the page count at the foot
 * of every page (a sheet keeps the record's own number at its head).
 */
export function finishRecordSheets(layout: Layout, documentSerial: string): void {
  const foot: TextStyle = { font: 'sans', size: 8.5, leading: 1.2, color: '#555555' };
  layout.finishPages((page, total) => {
    layout.text(`文书编号：${documentSerial}`, { x: LEFT, y: 297 - 13, width: 90 }, foot);
    layout.text(`第 ${page} 页 共 ${total} 页`, { x: LEFT + WIDTH - 60, y: 297 - 13, width: 60 }, { ...foot, align: 'right' });
  });
}
