import { useTranslation } from 'react-i18next';
import { ApiClientError } from '../lib/api';

/**
 * A failed request explained to the user: the API's own (Vietnamese) message, and for server
 * errors the reference to quote to support.
 */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiClientError ? error : null;
  const message = apiError?.message ?? t('errors.unexpected');
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice__title">{t('errors.heading')}</h2>
      <p>{message}</p>
      {apiError?.isServerError && apiError.requestId ? (
        <p className="notice__ref">
          {t('errors.reference')}: <code data-testid="request-id">{apiError.requestId}</code>
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" className="btn btn--secondary" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      ) : null}
    </div>
  );
}
