/**
 * Form checks done before asking the backend, mirroring the contract (shared/contract/common.ts)
 * and the backend's password rule. Each returns the i18n key of the reason, or null.
 */
export type ValidationKey =
  | 'validation.usernameRequired'
  | 'validation.usernameLength'
  | 'validation.usernameChars'
  | 'validation.displayNameRequired'
  | 'validation.passwordRequired'
  | 'validation.passwordTooShort'
  | 'validation.passwordMismatch';

export const MIN_PASSWORD_LENGTH = 8;
const USERNAME_CHARS = /^[A-Za-z0-9_.\-\u4e00-\u9fff]+$/u;

export function checkUsername(value: string): ValidationKey | null {
  const v = value.trim();
  if (v === '') return 'validation.usernameRequired';
  if (v.length < 2 || v.length > 32) return 'validation.usernameLength';
  if (!USERNAME_CHARS.test(v)) return 'validation.usernameChars';
  return null;
}

export function checkDisplayName(value: string): ValidationKey | null {
  return value.trim() === '' ? 'validation.displayNameRequired' : null;
}

/** A new password: at least 8 characters (counted as characters, not UTF-16 units). */
export function checkNewPassword(value: string): ValidationKey | null {
  if (value === '') return 'validation.passwordRequired';
  return [...value].length < MIN_PASSWORD_LENGTH ? 'validation.passwordTooShort' : null;
}

export function checkConfirmation(password: string, confirmation: string): ValidationKey | null {
  return password === confirmation ? null : 'validation.passwordMismatch';
}

/** A new password and, when one is asked for, its confirmation: what is wrong with each. */
export function checkNewPasswordPair(
  password: string,
  confirmation: string | null,
): { password: ValidationKey | null; confirmation: ValidationKey | null } {
  return { password: checkNewPassword(password), confirmation: confirmation === null ? null : checkConfirmation(password, confirmation) };
}

export function checkRequired(value: string, key: ValidationKey): ValidationKey | null {
  return value === '' ? key : null;
}
