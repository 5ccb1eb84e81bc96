import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useActiveUnit } from '../processing/use-active-unit';
import { useFeedbackInbox, useTriageQueue } from './feedback-officer-api';
import { useF } from './i18n';
import { FeedbackTabs } from './inbox-page';
import { InboxTable, Pager } from './inbox-table';
import { useNames } from './report-page';
import '../processing/processing.css';
import './feedback-officer.css';

const pageSize = 20;

/**
 * "Chờ phân loại, duyệt": reports the classifier was unsure of or a unit returned (the triage
 * queue), and the unit's open reports held back from the public page until an officer approves.
 */
export function FeedbackTriagePage() {
  const { t } = useF();
  useDocumentTitle(t('triage.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const names = useNames();
  const { unit } = useActiveUnit();
  const queue = useTriageQueue(page, pageSize);
  // The inbox API has no moderation filter: the unit's open reports, those held are kept here.
  const open = useFeedbackInbox({
    unitCode: unit?.unitCode ?? '',
    state: 'open',
    page: 1,
    pageSize: 100,
  });
  const held = (open.data?.items ?? []).filter((i) => i.moderationState === 'pending');
  const pages = Math.max(1, Math.ceil((queue.data?.total ?? 0) / pageSize));

  return (
    <div className="proc fbo" data-testid="fb-triage">
      <h1>{t('triage.title')}</h1>
      <p className="lead">{t('triage.lead')}</p>
      <FeedbackTabs />
      <section className="ws-section" aria-labelledby="fb-triage-queue">
        <h2 id="fb-triage-queue">
          {t('triage.queue')}
          {queue.data ? ` (${queue.data.total})` : ''}
        </h2>
        {queue.isPending ? (
          <Loading />
        ) : queue.isError ? (
          <ErrorMessage error={queue.error} onRetry={() => queue.refetch()} />
        ) : queue.data.items.length === 0 ? (
          <p className="empty" data-testid="fb-triage-empty">
            {t('triage.emptyQueue')}
          </p>
        ) : (
          <InboxTable
            items={queue.data.items}
            unitName={names.unitName}
            categoryName={names.categoryName}
            testId="fb-triage-table"
          />
        )}
        <Pager page={page} pages={pages} onPage={(p) => setParams({ page: String(p) })} />
      </section>
      {unit ? (
        <section className="ws-section" aria-labelledby="fb-triage-held">
          <h2 id="fb-triage-held">
            {t('triage.moderation')}
            {open.data ? ` (${held.length})` : ''}
          </h2>
          {open.isPending ? (
            <Loading />
          ) : open.isError ? (
            <ErrorMessage error={open.error} onRetry={() => open.refetch()} />
          ) : held.length === 0 ? (
            <p className="empty">{t('triage.emptyModeration')}</p>
          ) : (
            <InboxTable
              items={held}
              unitName={names.unitName}
              categoryName={names.categoryName}
              testId="fb-moderation-table"
            />
          )}
        </section>
      ) : null}
    </div>
  );
}
