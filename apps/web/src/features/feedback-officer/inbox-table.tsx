import { Link } from 'react-router';
import { formatDateTime } from '../processing/format';
import { FeedbackBandTag, FeedbackDue } from './feedback-band';
import type { FeedbackInboxItem } from './feedback-officer-api';
import { useF } from './i18n';

/** Reports as a table (cards on a phone via data-label), the nearest deadline first. */
export function InboxTable({
  items,
  unitName,
  categoryName,
  testId,
}: {
  items: FeedbackInboxItem[];
  unitName: (code: string) => string;
  categoryName: (code: string) => string;
  testId: string;
}) {
  const { t } = useF();
  return (
    <table className="proc-table fbo-table" data-testid={testId}>
      <caption className="visually-hidden">{t('inbox.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('inbox.col.reference')}</th>
          <th scope="col">{t('inbox.col.category')}</th>
          <th scope="col">{t('inbox.col.commune')}</th>
          <th scope="col">{t('inbox.col.received')}</th>
          <th scope="col">{t('inbox.col.state')}</th>
          <th scope="col">{t('inbox.col.due')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-testid="fb-row" data-reference={item.reference}>
            <td data-label={t('inbox.col.reference')}>
              <Link to={`/can-bo/phan-anh/${item.id}`} className="proc-code">
                {item.reference}
              </Link>
              <span className="proc-sub fbo-excerpt">{item.description}</span>
            </td>
            <td data-label={t('inbox.col.category')}>
              {categoryName(item.categoryCode)}
              {item.categoryFlagged ? (
                <span className="proc-sub">⚠ {t('inbox.flagged')}</span>
              ) : null}
            </td>
            <td data-label={t('inbox.col.commune')}>
              {item.communeCode ? (
                unitName(item.communeCode)
              ) : (
                <span className="muted">{t('common.none')}</span>
              )}
            </td>
            <td data-label={t('inbox.col.received')}>
              <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
            </td>
            <td data-label={t('inbox.col.state')}>
              {t(`state.${item.state}` as 'state.submitted', item.state)}
              {item.moderationState !== 'visible' ? (
                <span className="proc-sub">{t(`moderation.${item.moderationState}`)}</span>
              ) : null}
              {item.escalationLevel > 0 ? (
                <span className="proc-sub">
                  {t('inbox.escalated', { level: item.escalationLevel })}
                </span>
              ) : null}
            </td>
            <td data-label={t('inbox.col.due')}>
              <FeedbackBandTag band={item.band} />
              <FeedbackDue dueAt={item.dueAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Pager({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const { t } = useF();
  if (pages <= 1) return null;
  return (
    <nav className="proc-pager" aria-label={t('inbox.pager')}>
      <button
        type="button"
        className="btn btn--secondary btn--small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('inbox.prev')}
      </button>
      <span>{t('inbox.page', { page, pages })}</span>
      <button
        type="button"
        className="btn btn--secondary btn--small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('inbox.next')}
      </button>
    </nav>
  );
}
