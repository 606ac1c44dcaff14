import { describe, expect, it } from 'vitest';
import { checkConfirmation, checkDisplayName, checkNewPassword, checkNewPasswordPair, checkRequired, checkUsername } from '../../../../../renderer/src/features/auth/validation';

describe('form checks before the backend is asked', () => {
  it.each([
    ['', 'validation.usernameRequired'],
    ['   ', 'validation.usernameRequired'],
    ['a', 'validation.usernameLength'],
    ['x'.repeat(33), 'validation.usernameLength'],
    ['li hua', 'validation.usernameChars'],
    ['li@hua', 'validation.usernameChars'],
    ['admin', null],
    ['li.hua-2_b', null],
    ['王建国', null],
    [' zhangsan ', null],
  ])('user name %j → %s', (value, expected) => {
    expect(checkUsername(value)).toBe(expected);
  });

  it('needs a display name', () => {
    expect(checkDisplayName('  ')).toBe('validation.displayNameRequired');
    expect(checkDisplayName('李华')).toBeNull();
  });

  it('counts password characters, not UTF-16 units', () => {
    expect(checkNewPassword('')).toBe('validation.passwordRequired');
    expect(checkNewPassword('1234567')).toBe('validation.passwordTooShort');
    expect(checkNewPassword('12345678')).toBeNull();
    // four characters outside the BMP are eight UTF-16 units but still four characters
    expect(checkNewPassword('𠀀𠀁𠀂𠀃')).toBe('validation.passwordTooShort');
    expect(checkNewPassword('光荣光荣光荣光荣')).toBeNull();
  });

  it('compares the confirmation exactly', () => {
    expect(checkConfirmation('secret-123', 'secret-123')).toBeNull();
    expect(checkConfirmation('secret-123', 'secret-124')).toBe('validation.passwordMismatch');
    expect(checkRequired('', 'validation.passwordRequired')).toBe('validation.passwordRequired');
  });

  it('checks a new password with or without its confirmation', () => {
    expect(checkNewPasswordPair('', '')).toEqual({ password: 'validation.passwordRequired', confirmation: null });
    expect(checkNewPasswordPair('Guangrong#2026', 'Guangrong#2025')).toEqual({ password: null, confirmation: 'validation.passwordMismatch' });
    expect(checkNewPasswordPair('Guangrong#2026', 'Guangrong#2026')).toEqual({ password: null, confirmation: null });
    // no confirmation asked for (an administrator setting an initial or temporary password)
    expect(checkNewPasswordPair('Initial#2026', null)).toEqual({ password: null, confirmation: null });
    expect(checkNewPasswordPair('short', null)).toEqual({ password: 'validation.passwordTooShort', confirmation: null });
  });
});
