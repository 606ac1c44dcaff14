/**
 * A batch of good-news letters (喜报) in one PDF: the letters of the chosen awards, each with
 * its serial (the document's serial and its place in it: XB2026-000001-003). A reprint carries
 * "补印" and the original serial on every letter. The letter itself is goodNewsLetter.ts.
 *
 * Privacy: a letter prints names, the unit, the class and the citation — never an ID number,
 * an address or a phone number — so its data type has no field for them and nothing needs
 * masking (shared/rules/privacy.ts).
 */
import type { CoverageCheck } from '../fonts';
import type { Layout } from '../layout/page';
import { checkLetter, DEFAULT_LETTER_WORDING, drawLetter, type GoodNewsLetterData, type OfficeLetterhead } from './goodNewsLetter';

/** What the letters need of an award and its live letter (read by the job). */
export interface LetterSource {
  awardId: number;
  classId: number;
  className: string;
  recipientName: string;
  recipientGender: 'male' | 'female' | 'unknown' | null;
  soldierUnit: string;
  authority: string;
  orderNo: string;
  awardDate: string | null;
  citation: string;
  /** The family's name(s) as registered with the letter. */
  familyName: string;
  /** The family member to the awardee: 父亲, 母亲, 妻子… */
  familyRelation: string;
}

const GENDERED: Record<string, [male: string, female: string, unknown: string]> = {
  child: ['儿子', '女儿', '孩子'],
  spouse: ['丈夫', '妻子', ''],
  younger: ['弟弟', '妹妹', ''],
  older: ['哥哥', '姐姐', ''],
};

/** The family's relation to the awardee (父亲) turned round: the awardee to the family (儿子). */
export function awardeeToFamily(familyRelation: string, gender: LetterSource['recipientGender']): string {
  const r = familyRelation.trim();
  const pick = (key: string) => GENDERED[key]![gender === 'male' ? 0 : gender === 'female' ? 1 : 2];
  if (/^(父亲|母亲|父母|父|母|爸爸|妈妈|爷爷|奶奶|外公|外婆)$/.test(r)) return /^(爷爷|奶奶|外公|外婆)$/.test(r) ? (gender === 'female' ? '孙女' : gender === 'male' ? '孙子' : '') : pick('child');
  if (/^(妻子|丈夫|爱人|配偶)$/.test(r)) return r === '妻子' ? '丈夫' : r === '丈夫' ? '妻子' : pick('spouse');
  if (/^(哥哥|姐姐|兄|姐)$/.test(r)) return pick('younger');
  if (/^(弟弟|妹妹|弟|妹)$/.test(r)) return pick('older');
  return '';
}

/** The letter's data: the addressee is the registered family, else "<name>同志家属". */
export function letterData(source: LetterSource, serial: string): GoodNewsLetterData {
  const family = source.familyName.trim();
  return {
    serial,
    addressee: family ? `${family}同志` : `${source.recipientName}同志家属`,
    soldierName: source.recipientName,
    relation: family ? awardeeToFamily(source.familyRelation, source.recipientGender) : '',
    soldierUnit: source.soldierUnit,
    className: source.className,
    authority: source.authority,
    orderNo: source.orderNo,
    awardDate: source.awardDate,
    citation: source.citation,
  };
}

export interface LetterBatch {
  /** The document's serial; letter n is `${serial}-${n}` (3 digits at least). */
  serial: string;
  sources: readonly LetterSource[];
  office: OfficeLetterhead;
  /** By class id; missing: DEFAULT_LETTER_WORDING. */
  wordings: Readonly<Record<string, string>>;
  /** Set for a reprint: the original document's serial. */
  reprintOf: string | null;
}

export const letterSerial = (serial: string, index: number): string => `${serial}-${String(index + 1).padStart(3, '0')}`;

const wordingOf = (batch: LetterBatch, source: LetterSource): string => batch.wordings[String(source.classId)] ?? DEFAULT_LETTER_WORDING;

/**
 * Checks every text of every letter; problems are named by the awardee and the award's number
 * (what the user can find in the award register), not by a serial not yet issued.
 */
export function checkLetterBatch(check: CoverageCheck, batch: LetterBatch): void {
  for (const source of batch.sources) checkLetter(check, letterData(source, `奖励 award ${source.awardId}`), batch.office, wordingOf(batch, source));
  check.check('kai', batch.office.issuer, '发文机关 issuing authority', batch.office.issuer);
}

/** Draws letter `index` of the batch on a new page. */
export function drawBatchLetter(layout: Layout, batch: LetterBatch, index: number): void {
  const source = batch.sources[index]!;
  drawLetter(layout, letterData(source, letterSerial(batch.serial, index)), batch.office, wordingOf(batch, source));
  if (batch.reprintOf) {
    layout.text(`补印　原编号：${letterSerial(batch.reprintOf, index)}`, { x: 20, y: 20, width: 90 }, { font: 'kai', size: 10.5, leading: 1.2, color: '#b71c1c' });
  }
}
