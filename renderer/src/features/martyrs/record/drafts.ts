/**
 * Unsaved input survives leaving the page: a form with changes is kept here (in memory, per user
 * and record) when its page goes away, and offered back when the page is opened again. Also keeps
 * where the last record came from (source, page, scan), so a new record starts from there.
 */
import type { FormState } from './formState';

interface Draft {
  form: FormState;
  /** The version of the record the changes were made to (null for a new record). */
  version: number | null;
}

const drafts = new Map<string, Draft>();
const provenance = new Map<number, Pick<FormState, 'sourceId' | 'sourcePage' | 'scanAttachmentId' | 'scanPage'>>();

const keyOf = (userId: number, id: number | null) => `${userId}:${id ?? 'new'}`;

export function takeDraft(userId: number, id: number | null, version: number | null): FormState | null {
  const draft = drafts.get(keyOf(userId, id));
  if (!draft || draft.version !== version) return null;
  return draft.form;
}

export function keepDraft(userId: number, id: number | null, version: number | null, form: FormState): void {
  drafts.set(keyOf(userId, id), { form, version });
}

export function dropDraft(userId: number, id: number | null): void {
  drafts.delete(keyOf(userId, id));
}

export function rememberProvenance(userId: number, form: FormState): void {
  provenance.set(userId, { sourceId: form.sourceId, sourcePage: form.sourcePage, scanAttachmentId: form.scanAttachmentId, scanPage: form.scanPage });
}

export function lastProvenance(userId: number): Partial<FormState> {
  return provenance.get(userId) ?? {};
}

let flash: { userId: number; text: string } | null = null;

/** A message for the next page to show once (e.g. "已保存" after a new record opens as itself). */
export function setFlash(userId: number, text: string): void {
  flash = { userId, text };
}

export function peekFlash(userId: number): string | null {
  return flash && flash.userId === userId ? flash.text : null;
}

export function clearFlash(): void {
  flash = null;
}
