import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { ApiClientError } from '../../lib/api';
import { useDocumentTitle } from '../../lib/use-document-title';
import { dayToText, formatDateTime, vnDay } from './format';
import { useP } from './i18n';
import { type ReceptionQueueItem, useAccept, useReceptionQueue } from './processing-api';
import { useActiveUnit } from './use-active-unit';
import './processing.css';

/** "Tiếp nhận hồ sơ": online dossiers waiting at the counter, oldest first. */
export function ReceptionPage() {
  const { t } = useP();
  useDocumentTitle(t('reception.title'));
  const { unit } = useActiveUnit();
  const queue = useReceptionQueue(unit?.unitCode ?? '');
  const accept = useAccept();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  if (!unit) return <p className="notice notice--warning">{t('common.chooseUnit')}</p>;

  const onAccept = (item: ReceptionQueueItem) => {
    setMessage(null);
    accept.mutate(
      { id: item.id, expectedRowVersion: item.rowVersion },
      {
        onSuccess: (r) =>
          setMessage({
            ok: true,
            text: r.dueAt
              ? t('reception.accepted', { code: r.code, due: dayToText(vnDay(r.dueAt)) })
              : t('reception.acceptedNoDue', { code: r.code }),
          }),
        onError: (e) =>
          setMessage({
            ok: false,
            text: e instanceof ApiClientError ? e.message : t('common.unexpected'),
          }),
      },
    );
  };

  const items = queue.data?.items ?? [];
  return (
    <div className="proc" data-testid="reception">
      <div className="proc-head">
        <div>
          <h1>{t('reception.title')}</h1>
          <p className="lead">{t('reception.lead', { unit: unit.unitName })}</p>
        </div>
        <Link className="btn btn--primary" to="/can-bo/tiep-nhan/truc-tiep" data-testid="to-intake">
          {t('reception.inPerson')}
        </Link>
      </div>

      <div role="status" aria-live="polite">
        {message ? (
          <p
            className={`notice ${message.ok ? 'notice--ok' : 'notice--error'}`}
            data-testid="reception-message"
          >
            {message.text}
          </p>
        ) : null}
      </div>

      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorMessage error={queue.error} onRetry={() => queue.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty" data-testid="reception-empty">
          {t('reception.empty')}
        </p>
      ) : (
        <table className="proc-table">
          <caption className="visually-hidden">{t('reception.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('queue.col.reference')}</th>
              <th scope="col">{t('queue.col.procedure')}</th>
              <th scope="col">{t('queue.col.applicant')}</th>
              <th scope="col">{t('reception.submittedAt')}</th>
              <th scope="col">{t('reception.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="reception-row">
                <td data-label={t('queue.col.reference')}>
                  <span className="proc-code">{item.reference}</span>
                  <span className="proc-sub">{t(`channel.${item.channel}` as 'channel.2')}</span>
                </td>
                <td data-label={t('queue.col.procedure')}>{item.procedureName}</td>
                <td data-label={t('queue.col.applicant')}>
                  {item.applicantName}
                  {item.applicantCitizenIdMasked ? (
                    <span className="proc-sub">{item.applicantCitizenIdMasked}</span>
                  ) : null}
                </td>
                <td data-label={t('reception.submittedAt')}>
                  <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt)}</time>
                </td>
                <td data-label={t('reception.actions')}>
                  <div className="proc-row-actions">
                    <button
                      type="button"
                      className="btn btn--primary btn--small"
                      disabled={accept.isPending}
                      onClick={() => onAccept(item)}
                      aria-label={t('reception.acceptNamed', { ref: item.reference })}
                      data-testid="reception-accept"
                    >
                      {t('reception.accept')}
                    </button>
                    <Link
                      className="btn btn--secondary btn--small"
                      to={`/can-bo/ho-so/${item.id}`}
                      aria-label={t('reception.openNamed', { ref: item.reference })}
                    >
                      {t('reception.open')}
                    </Link>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
