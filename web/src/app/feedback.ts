import { App, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/** The text shown for an error: the server's localised detail, with the request id for 5xx. */
export function errorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    return err.status >= 500 && err.requestId
      ? `${err.detail} (${t('common.requestId')}: ${err.requestId})`
      : err.detail;
  }
  return t('common.unexpectedError');
}

/** Marks the fields a `http.validation_failed` problem names (paths like `/email`). */
export function markFieldErrors(form: FormInstance, err: unknown, t: TFunction): void {
  if (!(err instanceof ApiError)) return;
  const fields = err.fieldErrors
    .map((e) => e.path.replace(/^\//, '').split('/')[0] ?? '')
    .filter((name) => name !== '')
    .map((name) => ({ name, errors: [t('common.invalidValue')] }));
  if (fields.length > 0) form.setFields(fields);
}

/** Toasts in the current language, through antd's App context (theme and locale aware). */
export function useFeedback() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMemo(
    () => ({
      error: (err: unknown) => void message.error(errorText(err, t)),
      success: (text: string) => void message.success(text),
    }),
    [message, t],
  );
}
