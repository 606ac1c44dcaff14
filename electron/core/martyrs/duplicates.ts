/**
 * The duplicate warning before saving: records that may be the same person. A candidate shares
 * the name, its pinyin (different characters for the same sounds: 张德胜 / 章德胜), or the
 * surname and a given-name character; its score rises with overlapping birth and death dates, the
 * same native place, the same certificate number.
 */
import type { Db } from '../db/connection';
import { duplicateCandidates } from '../db/martyrSearch';
import type { MartyrRow } from '../../../shared/contract';
import type { PreparedMartyr } from './fields';
import { spacedText } from './fields';
import { splitName } from '../../../shared/rules/personName';

type Reason = 'sameName' | 'samePinyin' | 'similarName' | 'closeDeath' | 'closeBirth' | 'samePlace' | 'sameCertificate';

/** Two ranges of days overlap, or lie within `slackYears` of each other. */
function close(aFrom: string | null, aTo: string | null, bFrom: string | null, bTo: string | null, slackYears = 1): boolean {
  if (!aFrom || !aTo || !bFrom || !bTo) return false;
  const shift = (day: string, years: number) => `${String(Number(day.slice(0, 4)) + years).padStart(4, '0')}${day.slice(4)}`;
  return shift(aFrom, -slackYears) <= bTo && bFrom <= shift(aTo, slackYears);
}

export function findDuplicates(db: Db, m: PreparedMartyr, excludeId: number | null): { row: MartyrRow; score: number; reasons: Reason[] }[] {
  if (m.unnamed) return [];
  const { surname, givenName } = splitName(m.name);
  const given = spacedText(givenName).split(' ').filter(Boolean);
  const surnameTokens = spacedText(surname).split(' ').filter(Boolean);
  const nameMatch =
    surnameTokens.length > 0 && given.length > 0 ? `name : "${surnameTokens.join(' ')}" AND name : (${given.map((g) => `"${g}"`).join(' OR ')})` : null;
  const candidates = duplicateCandidates(db, { nameMatch, pinyin: m.pinyin, certificateNo: m.certificateNo, excludeId });
  const results = candidates.map((c) => {
    const reasons: Reason[] = [];
    let score = 0;
    const note = (reason: Reason, points: number) => {
      reasons.push(reason);
      score += points;
    };
    if (c.name === m.name) note('sameName', 50);
    else if (c.pinyin === m.pinyin) note('samePinyin', 35);
    else if (c.name.startsWith(surname)) note('similarName', 15);
    if (close(m.death.earliest, m.death.latest, c.deathEarliest, c.deathLatest)) note('closeDeath', 20);
    if (close(m.birth.earliest, m.birth.latest, c.birthEarliest, c.birthLatest)) note('closeBirth', 15);
    const samePlace = (m.nativePlaceCode !== null && m.nativePlaceCode === c.nativePlaceCode) || (m.nativePlaceText !== '' && m.nativePlaceText === c.nativePlaceText);
    if (samePlace) note('samePlace', 15);
    if (m.certificateNo !== '' && m.certificateNo === c.certificateNo) note('sameCertificate', 60);
    return { row: c.row, score, reasons };
  });
  // A similar name alone is no warning; it needs a date or the place too.
  return results.filter((r) => r.score >= 30).sort((a, b) => b.score - a.score || a.row.id - b.row.id).slice(0, 20);
}
