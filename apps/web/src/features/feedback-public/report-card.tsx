import { Link } from 'react-router';
import { formatDate } from '../dossiers/format';
import type { FeedbackListItem } from './feedback-api';
import { useFeedbackT } from './feedback-i18n';
import { isOverdue, StateTag } from './report-parts';

const excerpt = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;

/** One report in the public list: the link names the report; facts in words, not colours. */
export function ReportCard({ item }: { item: FeedbackListItem }) {
  const { t } = useFeedbackT();
  const overdue = isOverdue(item);
  return (
    <li className="fb-card" data-testid="feedback-item" data-ref={item.reference}>
      <h2 className="fb-card__title">
        <Link to={`/phan-anh/${encodeURIComponent(item.reference)}`} className="fb-card__link">
          {item.categoryName}
          <span className="visually-hidden"> — {t('list.open', { ref: item.reference })}</span>
        </Link>
      </h2>
      <p className="fb-card__tags">
        <StateTag state={item.state} label={item.stateLabel} testId="feedback-item-status" />{' '}
        {item.publicAnswer ? (
          <span className="tag fb-answered" data-testid="feedback-item-answered">
            <span aria-hidden="true">✓ </span>
            {t('list.answered')}
          </span>
        ) : (
          <span className="tag fb-unanswered">{t('list.notAnswered')}</span>
        )}
        {overdue ? (
          <>
            {' '}
            <span className="tag fb-overdue">{t('detail.overdue')}</span>
          </>
        ) : null}
      </p>
      <p className="fb-card__desc">{excerpt(item.description, 180)}</p>
      <p className="fb-card__meta muted">
        {item.communeName ? `${item.communeName} · ` : null}
        {t('list.sentOn', { date: formatDate(item.createdAt) })} ·{' '}
        <span className="nowrap">{item.reference}</span>
      </p>
      {item.publicAnswer ? (
        <p className="fb-card__answer" data-testid="feedback-item-answer">
          <strong>{t('list.answerExcerpt')}</strong> {excerpt(item.publicAnswer, 160)}
        </p>
      ) : null}
    </li>
  );
}
