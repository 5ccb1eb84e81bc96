import { useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { ApiClientError } from '../../lib/api';
import { useDt } from './i18n';

export type ExportView =
  | 'service-index'
  | 'service-index-drill'
  | 'feedback'
  | 'feedback-drill'
  | 'alerts'
  | 'tasks';

type Format = 'xlsx' | 'pdf';

/** `/api/dashboard/export?view=…&format=…&<the view's own parameters>`. */
export function exportUrl(
  view: ExportView,
  format: Format,
  params: Record<string, string | undefined>,
) {
  const query = new URLSearchParams({ view, format });
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return `/api/dashboard/export?${query.toString()}`;
}

/** The file name the server gives (RFC 6266 `filename*` first), else a plain one. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

async function errorOf(response: Response): Promise<ApiClientError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; requestId?: string };
  } | null;
  return new ApiClientError({
    status: response.status,
    code: body?.error?.code ?? 'BAD_RESPONSE',
    message: body?.error?.message ?? response.statusText,
    requestId: body?.error?.requestId ?? response.headers.get('x-request-id'),
  });
}

/**
 * "Tải Excel" / "Tải PDF" for the view on screen. The file is fetched first (not a plain link)
 * so a refusal or a server without exports yet is said on the page, not shown as raw JSON.
 */
export function ExportButtons({
  view,
  params,
}: {
  view: ExportView;
  params: Record<string, string | undefined>;
}) {
  const { t } = useDt();
  const [busy, setBusy] = useState<Format | null>(null);
  const [problem, setProblem] = useState<'missing' | ApiClientError | null>(null);
  const [done, setDone] = useState('');

  const download = async (format: Format) => {
    setBusy(format);
    setProblem(null);
    setDone('');
    try {
      const response = await fetch(exportUrl(view, format, params), { credentials: 'same-origin' });
      if (!response.ok) {
        const error = await errorOf(response);
        setProblem(error.status === 404 && error.code === 'NOT_FOUND' ? 'missing' : error);
        return;
      }
      const name = fileNameOf(response.headers.get('content-disposition'), `${view}.${format}`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDone(t('export.done', { name }));
    } catch {
      setProblem(
        new ApiClientError({ status: 0, code: 'NETWORK', message: t('export.notAvailable') }),
      );
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="db-export" data-testid="db-export">
      <span className="label db-export__label">{t('export.label')}</span>
      <div className="db-export__buttons">
        {(['xlsx', 'pdf'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="btn btn--secondary btn--small"
            disabled={busy !== null}
            onClick={() => void download(format)}
            data-testid={`db-export-${format}`}
            data-href={exportUrl(view, format, params)}
          >
            {busy === format ? t('export.working') : t(`export.${format}`)}
          </button>
        ))}
      </div>
      <p className="db-export__status" role="status">
        {done}
      </p>
      {problem === 'missing' ? (
        <p className="notice notice--warning" data-testid="db-export-missing">
          {t('export.notAvailable')}
        </p>
      ) : problem ? (
        <ErrorMessage error={problem} />
      ) : null}
    </div>
  );
}
