import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField';
import { checkNewPasswordPair, type ValidationKey } from './validation';

/**
 * A new password being chosen (first start, change password) or set by the administrator (new
 * account, reset): its text, the confirmation when one is asked for, and what is wrong with them.
 */
export function useNewPassword({ confirm }: { confirm: boolean }) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const errors = checkNewPasswordPair(password, confirm ? confirmation : null);
  return { password, setPassword, confirmation, setConfirmation, confirm, errors, valid: !errors.password && !errors.confirmation };
}

export type NewPassword = ReturnType<typeof useNewPassword>;

interface Props {
  state: NewPassword;
  /** Show what is wrong (once the form has been submitted). */
  showErrors: boolean;
  label: string;
  /** Under the password while nothing is wrong with it. */
  helperText: string;
  testId: string;
  /** The confirmation field, when the state asks for one. */
  confirmLabel?: string;
  confirmTestId?: string;
  autoFocus?: boolean;
  required?: boolean;
}

/** The password field, with its rule as help, and the confirmation field below it when asked for. */
export function NewPasswordFields({ state, showErrors, label, helperText, testId, confirmLabel, confirmTestId, autoFocus, required }: Props) {
  const { t } = useTranslation();
  const problem = (key: ValidationKey | null) => (showErrors && key ? t(key) : null);
  const passwordProblem = problem(state.errors.password);
  const confirmationProblem = problem(state.errors.confirmation);
  return (
    <>
      <PasswordField
        testId={testId}
        label={label}
        value={state.password}
        onChange={(e) => state.setPassword(e.target.value)}
        autoFocus={autoFocus}
        required={required}
        autoComplete="new-password"
        error={passwordProblem !== null}
        helperText={passwordProblem ?? helperText}
      />
      {state.confirm ? (
        <PasswordField
          testId={confirmTestId ?? `${testId}-confirm`}
          label={confirmLabel ?? t('auth.setup.passwordConfirm')}
          value={state.confirmation}
          onChange={(e) => state.setConfirmation(e.target.value)}
          required={required}
          autoComplete="new-password"
          error={confirmationProblem !== null}
          helperText={confirmationProblem}
        />
      ) : null}
    </>
  );
}
