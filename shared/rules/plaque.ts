/**
 * "Glorious Military Family" plaques (光荣牌, DESIGN.md §2.3): the lifecycle as a state machine,
 * the one-plaque-per-household rule, which qualifying person and category qualify a household,
 * and plaque numbers from a per-county pattern. Pure: no I/O, never throws.
 *
 *   made ─issue(新发)→ issued ─hang(悬挂)→ hung
 *   issued|hung ─reissue(补发)→ superseded   (a new plaque is issued in its place)
 *   hung ─replace(更换: moved, worn)→ superseded (a new plaque is issued in its place)
 *   issued|hung ─takeBack(收回)→ taken_back
 *   made|issued|hung|taken_back ─cancel(取消)→ cancelled
 *   taken_back|cancelled ─restore(恢复, with approval)→ issued (to be hung again)
 * After the qualifying person dies the family keeps the plaque, but it is no longer reissued or
 * replaced, and no new plaque is made on that person's qualification.
 */
import type { LocalizedText } from '../contract/text';
import { text } from '../contract/text';

export const plaqueStatuses = ['made', 'issued', 'hung', 'taken_back', 'cancelled', 'superseded'] as const;
export type PlaqueStatus = (typeof plaqueStatuses)[number];

export const plaqueActions = ['issue', 'hang', 'reissue', 'replace', 'takeBack', 'cancel', 'restore'] as const;
export type PlaqueAction = (typeof plaqueActions)[number];

/** The five categories (三属: the first three). */
export const plaqueCategories = ['martyr_family', 'duty_death_family', 'illness_death_family', 'active_service', 'veteran'] as const;
export type PlaqueCategory = (typeof plaqueCategories)[number];

export const plaqueStatusNames: Record<PlaqueStatus, LocalizedText> = {
  made: text('已制作', 'made'),
  issued: text('已发放', 'issued'),
  hung: text('已悬挂', 'hung'),
  taken_back: text('已收回', 'taken back'),
  cancelled: text('已取消', 'cancelled'),
  superseded: text('已更替', 'superseded'),
};

export const plaqueActionNames: Record<PlaqueAction, LocalizedText> = {
  issue: text('新发', 'issue'),
  hang: text('悬挂', 'hang'),
  reissue: text('补发', 'reissue'),
  replace: text('更换', 'replace'),
  takeBack: text('收回', 'take back'),
  cancel: text('取消', 'cancel'),
  restore: text('恢复', 'restore'),
};

export const plaqueCategoryNames: Record<PlaqueCategory, LocalizedText> = {
  martyr_family: text('烈士遗属', "martyr's family"),
  duty_death_family: text('因公牺牲军人遗属', 'family of a soldier who died on duty'),
  illness_death_family: text('病故军人遗属', 'family of a soldier who died of illness'),
  active_service: text('现役军人家庭', 'active-service family'),
  veteran: text('退役军人家庭', "veteran's family"),
};

/** Statuses in which a plaque belongs to its household: at most one of these per household. */
export const activePlaqueStatuses: readonly PlaqueStatus[] = ['made', 'issued', 'hung', 'taken_back'];

/** The statuses a ledger line's plaque can be in (a superseded plaque is never the one a line shows). */
export const ledgerPlaqueStatuses = ['made', 'issued', 'hung', 'taken_back', 'cancelled'] as const satisfies readonly PlaqueStatus[];

const TRANSITIONS: Record<PlaqueAction, { from: readonly PlaqueStatus[]; to: PlaqueStatus }> = {
  issue: { from: ['made'], to: 'issued' },
  hang: { from: ['issued'], to: 'hung' },
  reissue: { from: ['issued', 'hung'], to: 'superseded' },
  replace: { from: ['hung'], to: 'superseded' },
  takeBack: { from: ['issued', 'hung'], to: 'taken_back' },
  cancel: { from: ['made', 'issued', 'hung', 'taken_back'], to: 'cancelled' },
  restore: { from: ['taken_back', 'cancelled'], to: 'issued' },
};

/** Actions that put a new plaque in the old one's place. */
export const successorActions: readonly PlaqueAction[] = ['reissue', 'replace'];

export interface PlaqueFacts {
  /** The qualifying person has died. */
  qualifyingPersonDeceased: boolean;
  /** For restore: another plaque of the household is active (made, issued, hung, taken back). */
  householdHasOtherActive?: boolean;
}

export type PlaqueTransition =
  | { ok: true; from: PlaqueStatus; to: PlaqueStatus; /** a new plaque is issued in the old one's place */ successor: boolean }
  | { ok: false; reason: LocalizedText };

/** The statuses an action may start from (for the screen and the tests). */
export function plaqueActionSources(action: PlaqueAction): readonly PlaqueStatus[] {
  return TRANSITIONS[action].from;
}

/** Whether `action` may be taken on a plaque in `status`; if not, why (Chinese and English). */
export function plaqueTransition(status: PlaqueStatus, action: PlaqueAction, facts: PlaqueFacts): PlaqueTransition {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(status)) {
    const allowed = rule.from.map((s) => plaqueStatusNames[s]);
    return {
      ok: false,
      reason: text(
        `状态为“${plaqueStatusNames[status].zh}”的光荣牌不能${plaqueActionNames[action].zh}（只有${allowed.map((s) => `“${s.zh}”`).join('、')}的可以）。`,
        `A plaque that is ${plaqueStatusNames[status].en} cannot be given the action "${plaqueActionNames[action].en}" (only one that is ${allowed.map((s) => s.en).join(' or ')}).`,
      ),
    };
  }
  if (successorActions.includes(action) && facts.qualifyingPersonDeceased) {
    return {
      ok: false,
      reason: text(
        `享受悬挂光荣牌的人员已去世：家庭保留现有光荣牌，但不再${plaqueActionNames[action].zh}。`,
        `The qualifying person has died: the family keeps the plaque, but it is no longer ${action === 'reissue' ? 'reissued' : 'replaced'}.`,
      ),
    };
  }
  if (action === 'restore' && facts.householdHasOtherActive) {
    return { ok: false, reason: oneHouseholdOnePlaque };
  }
  return { ok: true, from: status, to: rule.to, successor: successorActions.includes(action) };
}

export const oneHouseholdOnePlaque = text(
  '一户只能有一块光荣牌：该户已有在用的光荣牌（已制作、已发放、已悬挂或已收回待处理）。',
  'One household, one plaque: this household already has a plaque in use (made, issued, hung, or taken back and pending).',
);

/** The one-plaque-per-household rule: may a new plaque be made for a household with these plaques? */
export function canAddPlaque(existing: readonly { status: PlaqueStatus }[]): { ok: true } | { ok: false; reason: LocalizedText } {
  return existing.some((p) => activePlaqueStatuses.includes(p.status)) ? { ok: false, reason: oneHouseholdOnePlaque } : { ok: true };
}

export interface Qualification {
  id: number;
  personId: number;
  personName: string;
  category: PlaqueCategory;
  /** Certificate holders are served on the office's initiative; others on application. */
  basis: 'certificate' | 'application';
  /** ISO date the application was received ('' for certificate holders). */
  applicationDate: string;
  deceased: boolean;
}

export type Eligibility = { eligible: true; qualification: Qualification } | { eligible: false; reason: LocalizedText };

/** Valid qualifications: certificate holders, and others whose application is recorded. */
function isGrounded(q: Qualification): boolean {
  return q.basis === 'certificate' || q.applicationDate !== '';
}

/**
 * Which person and category qualify a household for a plaque: a living person with a certificate,
 * or with a recorded application; certificate holders first, then the categories in order
 * (三属 before active-service and veterans' families), then the earliest recorded.
 */
export function householdEligibility(qualifications: readonly Qualification[]): Eligibility {
  if (qualifications.length === 0) {
    return { eligible: false, reason: text('该户没有登记享受悬挂光荣牌的人员及类别。', 'No qualifying person and category is recorded for this household.') };
  }
  const living = qualifications.filter((q) => !q.deceased);
  if (living.length === 0) {
    return { eligible: false, reason: text('该户登记的享受人员均已去世，不再新制光荣牌。', 'Every qualifying person of this household has died: no new plaque is made.') };
  }
  const grounded = living.filter(isGrounded);
  if (grounded.length === 0) {
    return { eligible: false, reason: text('非持证人员须本人申请：请先登记申请日期。', 'A person without a certificate must apply: record the application date first.') };
  }
  const sorted = [...grounded].sort(
    (a, b) =>
      Number(a.basis !== 'certificate') - Number(b.basis !== 'certificate') ||
      plaqueCategories.indexOf(a.category) - plaqueCategories.indexOf(b.category) ||
      a.id - b.id,
  );
  return { eligible: true, qualification: sorted[0]! };
}

/** Checks one qualification for making a plaque on it. */
export function qualificationUsable(q: Qualification): { ok: true } | { ok: false; reason: LocalizedText } {
  if (q.deceased) return { ok: false, reason: text(`${q.personName}已去世，不能据此新制光荣牌。`, `${q.personName} has died: no new plaque is made on this qualification.`) };
  if (!isGrounded(q)) return { ok: false, reason: text('非持证人员须本人申请：请先登记申请日期。', 'A person without a certificate must apply: record the application date first.') };
  return { ok: true };
}

// ── Plaque numbers ───────────────────────────────────────────────────────────────────────────

export const DEFAULT_PLAQUE_NUMBER_PATTERN = '{county}-{year}-{seq:5}';
const TOKEN = /\{(county|year|seq)(?::(\d{1,2}))?\}/g;

export type PatternCheck = { ok: true } | { ok: false; reason: LocalizedText };

/** A pattern has exactly one {seq} or {seq:N} (N = 1–12 digits), and only the tokens {county}, {year} and {seq}. */
export function checkPlaqueNumberPattern(pattern: string): PatternCheck {
  const bad = text('编号格式须包含且只包含一个 {seq}（可写 {seq:5}），可用 {county}、{year}，其余为普通字符。', 'The pattern needs exactly one {seq} (or {seq:5}); {county} and {year} may be used; anything else is literal text.');
  if (typeof pattern !== 'string' || pattern.length === 0 || pattern.length > 60) return { ok: false, reason: bad };
  const seqs = [...pattern.matchAll(TOKEN)].filter((m) => m[1] === 'seq');
  if (seqs.length !== 1) return { ok: false, reason: bad };
  const width = seqs[0]![2];
  if (width !== undefined && (Number(width) < 1 || Number(width) > 12)) return { ok: false, reason: bad };
  if (/[{}]/.test(pattern.replace(TOKEN, ''))) return { ok: false, reason: bad };
  return { ok: true };
}

/** The number for sequence `seq`; the parts before and after the sequence (to find the last one used). */
export function plaqueNumberParts(pattern: string, values: { county: string; year: number }): { prefix: string; suffix: string; width: number } {
  let prefix = '';
  let suffix = '';
  let width = 1;
  let seen = false;
  let last = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    const literal = pattern.slice(last, m.index);
    const value = m[1] === 'county' ? values.county : m[1] === 'year' ? String(values.year) : null;
    if (value === null) {
      prefix += literal;
      width = m[2] ? Number(m[2]) : 1;
      seen = true;
    } else if (seen) suffix += literal + value;
    else prefix += literal + value;
    last = m.index + m[0].length;
  }
  if (seen) suffix += pattern.slice(last);
  else prefix += pattern.slice(last);
  return { prefix, suffix, width };
}

export function formatPlaqueNumber(pattern: string, values: { county: string; year: number; seq: number }): string {
  const { prefix, suffix, width } = plaqueNumberParts(pattern, values);
  return prefix + String(values.seq).padStart(width, '0') + suffix;
}

/** The sequence number inside a number made by this pattern, or null when it is not one. */
export function plaqueNumberSequence(number: string, parts: { prefix: string; suffix: string }): number | null {
  if (!number.startsWith(parts.prefix) || !number.endsWith(parts.suffix) || number.length <= parts.prefix.length + parts.suffix.length) return null;
  const digits = number.slice(parts.prefix.length, number.length - parts.suffix.length);
  return /^\d{1,15}$/.test(digits) ? Number(digits) : null;
}
