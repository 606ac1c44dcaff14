/**
 * The life of a good-news letter (喜报): received (收到) → registered (登记) → verified (审核)
 * → delivered (送达: date, who, with whom, photo) → feedback (反馈). A reviewer may return a
 * registered letter to received with a reason; a letter not yet delivered may be cancelled with a
 * reason (keyed in by mistake); nothing else moves. Every refusal says why, in Chinese and English.
 */
import { text, type LocalizedText } from '../contract/text';

export const letterStatuses = ['received', 'registered', 'verified', 'delivered', 'feedback', 'cancelled'] as const;
export type LetterStatus = (typeof letterStatuses)[number];

export const letterActions = ['register', 'verify', 'return', 'deliver', 'feedback', 'cancel'] as const;
export type LetterAction = (typeof letterActions)[number];

/** Statuses in which a letter still has to reach its family. */
export const openLetterStatuses: readonly LetterStatus[] = ['received', 'registered', 'verified'];

export const letterStatusNames: Record<LetterStatus, LocalizedText> = {
  received: text('已收到', 'received'),
  registered: text('已登记', 'registered'),
  verified: text('已审核', 'verified'),
  delivered: text('已送达', 'delivered'),
  feedback: text('已反馈', 'feedback recorded'),
  cancelled: text('已作废', 'cancelled'),
};

/** The one legal move of each action: from these statuses, to that one. */
const moves: Record<LetterAction, { from: readonly LetterStatus[]; to: LetterStatus }> = {
  register: { from: ['received'], to: 'registered' },
  verify: { from: ['registered'], to: 'verified' },
  return: { from: ['registered'], to: 'received' },
  deliver: { from: ['verified'], to: 'delivered' },
  feedback: { from: ['delivered'], to: 'feedback' },
  cancel: { from: ['received', 'registered', 'verified'], to: 'cancelled' },
};

export type LetterMove = { ok: true; to: LetterStatus } | { ok: false; reason: LocalizedText };

function refuse(zh: string, en: string): LetterMove {
  return { ok: false, reason: text(zh, en) };
}

/** Why `action` cannot be done to a letter in `from` (the moves table says it cannot). */
function refusal(from: LetterStatus, action: LetterAction): LetterMove {
  const state = letterStatusNames[from];
  if (from === 'cancelled') return refuse('该喜报已作废，不能再办理。', 'This letter was cancelled; nothing more can be done with it.');
  switch (action) {
    case 'register':
      return refuse(`该喜报${state.zh}，不需要再登记。`, `This letter is already ${state.en}; it cannot be registered again.`);
    case 'verify':
      return from === 'received'
        ? refuse('该喜报尚未登记，请先登记再审核。', 'This letter is not registered yet; register it before verifying.')
        : refuse(`该喜报${state.zh}，不能再审核。`, `This letter is already ${state.en}; it cannot be verified again.`);
    case 'return':
      return refuse(`只有已登记、待审核的喜报可以退回；该喜报${state.zh}。`, `Only a registered letter awaiting review can be returned; this one is ${state.en}.`);
    case 'deliver':
      if (from === 'received') return refuse('该喜报尚未登记和审核，不能登记送达。', 'This letter is neither registered nor verified; its delivery cannot be recorded.');
      if (from === 'registered') return refuse('该喜报尚未审核，审核后才能登记送达。', 'This letter is not verified yet; record its delivery after verification.');
      return refuse('该喜报已登记送达，不能重复送达。', 'This letter’s delivery is already recorded; it cannot be delivered twice.');
    case 'feedback':
      return from === 'feedback'
        ? refuse('该喜报已记录反馈。', 'Feedback on this letter is already recorded.')
        : refuse('喜报送达后才能记录反馈。', 'Feedback can be recorded only after delivery.');
    case 'cancel':
      return refuse('已送达的喜报不能作废。', 'A delivered letter cannot be cancelled.');
  }
}

/** Whether `action` may be done to a letter in status `from`, and where it leads. */
export function letterMove(from: LetterStatus, action: LetterAction): LetterMove {
  const move = moves[action];
  return move.from.includes(from) ? { ok: true, to: move.to } : refusal(from, action);
}

/** The actions possible from a status (for the buttons a page offers). */
export function letterActionsFrom(from: LetterStatus): LetterAction[] {
  return letterActions.filter((a) => moves[a].from.includes(from));
}

export interface DeliveryFacts {
  deliveredOn: string;
  receivedOn: string;
  today: string;
  deliveredBy: string;
}

/** A delivery record must be dated between receipt and today, and say who delivered. */
export function checkDelivery(d: DeliveryFacts): LocalizedText | null {
  if (d.deliveredBy.trim() === '') return text('请填写送达人。', 'Say who delivered the letter.');
  if (d.deliveredOn < d.receivedOn) return text(`送达日期 ${d.deliveredOn} 早于收到日期 ${d.receivedOn}。`, `The delivery date ${d.deliveredOn} is before the letter was received (${d.receivedOn}).`);
  if (d.deliveredOn > d.today) return text(`送达日期 ${d.deliveredOn} 晚于今天。`, `The delivery date ${d.deliveredOn} is in the future.`);
  return null;
}
