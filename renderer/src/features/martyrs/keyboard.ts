/**
 * Keyboard helpers for the roll screens: whether a key press is typing into a field, moving on to
 * the next field with Enter, and a window-level shortcut hook that stays quiet while the screen is
 * locked or a dialog is open.
 */
import { useEffect, useRef } from 'react';
import { useSession } from '../auth/SessionProvider';

/** True when the event's target takes text (so '/' and letters belong to it). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

const FIELD_SELECTOR = 'input:not([type=hidden]):not([disabled]):not([aria-hidden=true]), select:not([disabled]), textarea:not([disabled])';

/** The fields of a container in document order that a person can type in (visible, reachable by Tab). */
export function fieldsOf(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FIELD_SELECTOR)).filter(
    (el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && !el.closest('[data-nav-skip]'),
  );
}

/** Moves the focus to the field after (or before) `from`; false when there is none. */
export function focusNextField(container: HTMLElement, from: HTMLElement, backwards = false): boolean {
  const fields = fieldsOf(container);
  const at = fields.indexOf(from);
  const next = at < 0 ? undefined : fields[at + (backwards ? -1 : 1)];
  if (!next) return false;
  next.focus();
  if (next instanceof HTMLInputElement && next.type === 'text') next.select();
  return true;
}

/** A modal dialog (MUI) is open somewhere on the page. */
export function dialogOpen(): boolean {
  return document.querySelector('.MuiDialog-root, .MuiDrawer-modal') !== null;
}

/**
 * Calls `handler` for every key press on the window while the session is unlocked and no dialog
 * is open. The latest handler is always used (no stale state).
 */
export function useShortcuts(handler: (event: KeyboardEvent) => void, active = true): void {
  const { locked } = useSession();
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!active || locked) return;
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || dialogOpen()) return;
      ref.current(event);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [active, locked]);
}

/** Ctrl (or ⌘ on a Mac) and nothing else but the key. */
export function isMod(event: KeyboardEvent | React.KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey;
}
