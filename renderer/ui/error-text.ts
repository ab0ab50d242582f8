// The sentence to show for a failed call, in the screen's language when we know the hub's
// error code, else the hub's own (English) sentence, which is still plain words.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../hub-client';

export function useErrorText(): (e: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && i18n.exists(`errors.${e.code}`)) return t(`errors.${e.code}`);
      return errorMessage(e);
    },
    [t, i18n],
  );
}
