import { dossierStatusLabels, nationalSyncStates } from '@cqs/shared';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { currentLanguage } from '../../i18n';
import { ApiClientError } from '../../lib/api';
import { useDocumentTitle } from '../../lib/use-document-title';
import { formatDateTime } from '../dossiers/format';
import { useSyncT } from './i18n';
import {
  type NationalSyncItem,
  type NationalSyncList,
  type NationalSyncState,
  useRetry,
  useSyncRecords,
} from './sync-admin-api';
import './sync-admin.css';

// Failed first: it is what an administrator comes here for.
const tabOrder: readonly NationalSyncState[] = ['failed', 'pending', 'sent'];

/**
 * "Đồng bộ Cổng Dịch vụ công quốc gia": the national-portal feed's failed, waiting and sent
 * records, with a retry per failed record and for all of them. Province administrators only.
 */
export function SyncAdminPage() {
  const { t } = useSyncT();
  useDocumentTitle(t('title'));
  const [params] = useSearchParams();
  const requested = params.get('trang-thai');
  const state: NationalSyncState = (nationalSyncStates as readonly string[]).includes(
    requested ?? '',
  )
    ? (requested as NationalSyncState)
    : 'failed';
  const records = useSyncRecords(state);
  const retry = useRetry();
  const [announcement, setAnnouncement] = useState('');

  const first = records.data?.pages[0];
  const items = records.data?.pages.flatMap((p) => p.items) ?? [];
  const forbidden = records.error instanceof ApiClientError && records.error.status === 403;

  const retryOne = (item: NationalSyncItem) => {
    setAnnouncement('');
    retry.mutate(item.id, {
      onSuccess: () => setAnnouncement(t('retriedOne', { code: dossierLabel(item) })),
    });
  };
  const retryAll = () => {
    setAnnouncement('');
    retry.mutate(null, {
      onSuccess: (result) => setAnnouncement(t('retried', { count: result.retried })),
    });
  };

  return (
    <div className="sync">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {first ? <TargetNotice target={first.target} /> : null}

      <nav aria-label={t('tabs.label')}>
        <ul className="sync-tabs">
          {tabOrder.map((s) => (
            <li key={s}>
              <Link
                to={s === 'failed' ? '?' : `?trang-thai=${s}`}
                replace
                className={`sync-tab${s === state ? ' is-active' : ''}`}
                aria-current={s === state ? 'page' : undefined}
                data-testid={`sync-tab-${s}`}
              >
                {t(`tabs.${s}`)}
                {first ? <span className="sync-tab__count">{first.counts[s]}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <p className="sync-status" role="status" data-testid="sync-announcement">
        {announcement}
      </p>
      {retry.isError ? <ErrorMessage error={retry.error} /> : null}

      {state === 'failed' && first && first.counts.failed > 0 ? (
        <div className="button-row sync-toolbar">
          <button
            type="button"
            className="btn btn--primary"
            onClick={retryAll}
            disabled={retry.isPending}
            data-testid="sync-retry-all"
          >
            {retry.isPending && retry.variables === null
              ? t('retryingAll')
              : t('retryAll', { count: first.counts.failed })}
          </button>
        </div>
      ) : null}

      {records.isPending ? (
        <Loading />
      ) : forbidden ? (
        <p className="notice notice--warning">{t('forbidden')}</p>
      ) : records.isError ? (
        <ErrorMessage error={records.error} onRetry={() => records.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty" data-testid="sync-empty">
          {t(`empty.${state}`)}
        </p>
      ) : (
        <>
          <RecordsTable
            state={state}
            items={items}
            onRetry={retryOne}
            pendingId={retry.isPending ? retry.variables : undefined}
          />
          {records.hasNextPage ? (
            <button
              type="button"
              className="btn btn--secondary"
              onClick={() => records.fetchNextPage()}
              disabled={records.isFetchingNextPage}
            >
              {records.isFetchingNextPage ? t('loadingMore') : t('more')}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}

function TargetNotice({ target }: { target: NationalSyncList['target'] }) {
  const { t } = useSyncT();
  if (target === 'off') {
    return (
      <div className="notice notice--warning" data-testid="sync-target">
        <h2 className="notice__title">{t('target.offTitle')}</h2>
        <p>{t('target.off')}</p>
      </div>
    );
  }
  return (
    <p className={`sync-target sync-target--${target}`} data-testid="sync-target">
      {t(target === 'simulator' ? 'target.simulator' : 'target.portal')}
    </p>
  );
}

/** The portal's answer without the "HTTP 422: " prefix, which the line above already says. */
function errorText(item: NationalSyncItem): string {
  return item.lastError?.replace(/^HTTP \d{3}: ?/, '') || (item.lastError ?? '');
}

function dossierLabel(item: NationalSyncItem): string {
  return item.dossierCode ?? item.dossierReference;
}

function RecordsTable({
  state,
  items,
  onRetry,
  pendingId,
}: {
  state: NationalSyncState;
  items: NationalSyncItem[];
  onRetry: (item: NationalSyncItem) => void;
  pendingId: number | null | undefined;
}) {
  const { t } = useSyncT();
  const lang = currentLanguage();
  const showAction = state === 'failed';
  return (
    <table className="sync-table" data-testid="sync-table">
      <caption className="visually-hidden">{t(`caption.${state}`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('col.dossier')}</th>
          <th scope="col">{t('col.event')}</th>
          <th scope="col">{t('col.attempts')}</th>
          <th scope="col">{t('col.error')}</th>
          <th scope="col">{t('col.time')}</th>
          {showAction ? <th scope="col">{t('col.action')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const eventKey = `events.${item.eventType}` as 'events.submitted';
          const eventLabel = t(eventKey, { defaultValue: item.eventType });
          const statusLabel = dossierStatusLabels[item.statusCode]?.[lang] ?? '';
          return (
            <tr key={item.id} data-testid="sync-row">
              <th scope="row" data-label={t('col.dossier')}>
                <span className="sync-code">{dossierLabel(item)}</span>
                {item.dossierCode ? null : <span className="sync-muted"> ({t('temporary')})</span>}
              </th>
              <td data-label={t('col.event')}>
                <span className="sync-event">{eventLabel}</span>
                <span className="sync-muted sync-block">
                  {t('status', { code: item.statusCode, label: statusLabel })}
                </span>
                {item.blocked ? <span className="sync-blocked">{t('blocked')}</span> : null}
              </td>
              <td data-label={t('col.attempts')}>{item.attempts}</td>
              <td data-label={t('col.error')} className="sync-error">
                {item.lastError ? (
                  <>
                    <span className="sync-block">
                      {item.lastStatus === null
                        ? t('noAnswer')
                        : t('httpStatus', { status: item.lastStatus })}
                    </span>
                    <code className="sync-error__text">{errorText(item)}</code>
                  </>
                ) : (
                  <span className="sync-muted">{t('noError')}</span>
                )}
              </td>
              <td data-label={t('col.time')}>
                <span className="sync-block">
                  {t('createdAt', { time: formatDateTime(item.createdAt) })}
                </span>
                {item.nextAttemptAt && !item.blocked ? (
                  <span className="sync-block">
                    {t('nextAt', { time: formatDateTime(item.nextAttemptAt) })}
                  </span>
                ) : null}
                {item.sentAt ? (
                  <span className="sync-block">
                    {t('sentAt', { time: formatDateTime(item.sentAt) })}
                  </span>
                ) : null}
              </td>
              {showAction ? (
                <td className="sync-action">
                  <button
                    type="button"
                    className="btn btn--secondary btn--small"
                    onClick={() => onRetry(item)}
                    disabled={pendingId !== undefined}
                    aria-label={t('retryNamed', { code: dossierLabel(item) })}
                    data-testid="sync-retry"
                  >
                    {pendingId === item.id ? t('retrying') : t('retry')}
                  </button>
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
