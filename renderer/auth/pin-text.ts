// The PIN rule (main/common/pin-rules.ts) in the screen's language, checked before anything is
// sent, so a person learns what is wrong while typing; the hub checks the same rule again.
// A form keeps what went wrong, not its sentence, so switching the language re-says it.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { pinProblem, type PinProblem } from '../../main/common/pin-rules';
import { useErrorText } from '../ui/error-text';

export type PinFormError = { problem: PinProblem } | { differ: true } | { failed: unknown };

/** What is wrong with a new PIN typed twice (null when it may be sent). */
export function checkNewPin(newPin: string, again: string, oldPin?: string | null): PinFormError | null {
  const problem = pinProblem(newPin, oldPin);
  if (problem) return { problem };
  return newPin === again ? null : { differ: true };
}

/** The sentence for a PIN form's error, in the language shown now. */
export function usePinFormErrorText(): (e: PinFormError | null) => string | null {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return useCallback(
    (e: PinFormError | null) => {
      if (!e) return null;
      if ('problem' in e) return t(`pinRule.${e.problem}`);
      if ('differ' in e) return t('setup.pinsDiffer');
      return errorText(e.failed);
    },
    [t, errorText],
  );
}

/** The sentence saying why `pin` cannot be a new PIN, or null. */
export function usePinRuleText(): (pin: string, oldPin?: string | null) => string | null {
  const { t } = useTranslation();
  return useCallback(
    (pin: string, oldPin?: string | null) => {
      const problem = pinProblem(pin, oldPin);
      return problem ? t(`pinRule.${problem}`) : null;
    },
    [t],
  );
}
