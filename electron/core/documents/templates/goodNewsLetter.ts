/**
 * 喜报 — the good-news letter sent to a soldier's family after an award: one A4 page per
 * letter, in kai, with the office's wording for the award's class and the fields filled in.
 * With `fieldsOnly` (套打 on pre-printed letter paper) only the filled-in texts are printed: the
 * frame, the title and the fixed wording are already on the paper.
 */
import { type CoverageCheck } from '../fonts';
import { printDate, type DateStyle } from '../dates';
import type { Layout, TextStyle } from '../layout/page';

export interface GoodNewsLetterData {
  /** The register's serial number, printed on the letter. */
  serial: string;
  /** Whom the letter addresses: 张大山、李秀兰同志 / 张光明同志家属. */
  addressee: string;
  soldierName: string;
  /** The soldier to the family: 儿子, 女儿, 丈夫… (empty: not said). */
  relation: string;
  soldierUnit: string;
  className: string;
  authority: string;
  orderNo: string;
  /** ISO date or null. */
  awardDate: string | null;
  citation: string;
}

export interface OfficeLetterhead {
  /** The issuing authority, as signed: XX县退役军人事务局. */
  issuer: string;
  /** Its place (for the letter's foot): 山东省惠民县. */
  place: string;
  dateStyle: DateStyle;
  /** The date printed on the letters (ISO). */
  date: string;
}

/**
 * The wording, with {placeholders}: {addressee} {relation} {name} {unit} {authority} {orderNo}
 * {awardDate} {class} {citation} {place} (the issuing place, office settings). Offices may set their own per class.
 */
export const DEFAULT_LETTER_WORDING =
  '{addressee}：\n' +
  '　　您的{relation}{name}同志在{unit}服役期间，{citation}经{authority}批准，荣立{class}。这是{name}同志的光荣，也是您全家的光荣。特向您报喜，并致以热烈的祝贺和崇高的敬意！\n' +
  '　　希望您继续关心、支持{name}同志在部队安心服役、建功立业，再创佳绩！';

const RED = '#b71c1c';

/** The letter's text with the fields filled in (an empty field leaves its sentence readable). */
export function letterText(wording: string, data: GoodNewsLetterData, dateStyle: DateStyle, place = ''): string {
  const citation = data.citation.trim().replace(/[。．.]?$/, '') ;
  const fields: Record<string, string> = {
    addressee: data.addressee,
    relation: data.relation,
    name: data.soldierName,
    unit: data.soldierUnit || '部队',
    authority: data.authority || '上级机关',
    orderNo: data.orderNo,
    awardDate: printDate(data.awardDate, dateStyle),
    class: data.className,
    citation: citation ? `${citation}，` : '',
    place,
  };
  return wording.replace(/\{(\w+)\}/g, (whole, key: string) => fields[key] ?? whole);
}

/** Checks every text a letter will print against the kai font. */
export function checkLetter(check: CoverageCheck, data: GoodNewsLetterData, office: OfficeLetterhead, wording: string): void {
  const record = `${data.soldierName}（${data.serial}）`;
  check.check('kai', record, '称呼 addressee', data.addressee);
  check.check('kai', record, '姓名 name', data.soldierName);
  check.check('kai', record, '部队 unit', data.soldierUnit);
  check.check('kai', record, '事迹 citation', data.citation);
  check.check('kai', record, '批准机关 authority', data.authority);
  check.check('kai', record, '落款 issuer', office.issuer);
  if (wording.includes('{place}')) check.check('kai', record, '发文机关所在地 place', office.place);
  check.check('kai', record, '措辞 wording', wording);
}

/** Draws one letter on a new page. */
export function drawLetter(layout: Layout, data: GoodNewsLetterData, office: OfficeLetterhead, wording: string): void {
  layout.addPage();
  const W = layout.pageWidth;
  // The frame: a red double rule, as on printed 喜报 paper.
  layout.rect(12, 12, W - 24, layout.pageHeight - 24, 1.2, RED);
  layout.rect(15, 15, W - 30, layout.pageHeight - 30, 0.35, RED);
  const small: TextStyle = { font: 'kai', size: 10.5, leading: 1.2 };
  layout.text(`编号：${data.serial}`, { x: W - 90, y: 20, width: 70 }, { ...small, align: 'right' });
  layout.text('喜报', { x: 20, y: 36, width: W - 40 }, { font: 'kai', size: 54, leading: 1.2, align: 'center', tracking: 28, color: RED, fixed: true });
  const body: TextStyle = { font: 'kai', size: 17, leading: 1.9, align: 'justify' };
  const text = letterText(wording, data, office.dateStyle, office.place);
  const used = layout.text(text, { x: 30, y: 78, width: W - 60, height: 150 }, body);
  if (used.overflow > 0) throw new Error(`letter ${data.serial}: the text is longer than the page`);
  const foot: TextStyle = { font: 'kai', size: 17, leading: 1.7, align: 'center' };
  const footY = Math.max(78 + used.height + 22, 215);
  layout.text(office.issuer, { x: W - 30 - 95, y: footY, width: 95 }, foot);
  layout.text(printDate(office.date, office.dateStyle), { x: W - 30 - 95, y: footY + layout.lineHeight(foot), width: 95 }, foot);
}
