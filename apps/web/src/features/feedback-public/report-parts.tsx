import { formatDate, formatDateTime } from '../dossiers/format';
import type { FeedbackListItem, FeedbackReport } from './feedback-api';
import { useFeedbackT } from './feedback-i18n';

const stateKeys = [
  'submitted',
  'triage',
  'assigned',
  'in_progress',
  'info_requested',
  'resolved',
  'rejected',
  'closed',
] as const;
type StateKey = (typeof stateKeys)[number];
const isStateKey = (s: string): s is StateKey => (stateKeys as readonly string[]).includes(s);

/** Colour family of a state; the words always say the same thing. */
function tone(state: string): 'progress' | 'action' | 'done' | 'stopped' {
  if (state === 'info_requested') return 'action';
  if (state === 'resolved' || state === 'closed') return 'done';
  if (state === 'rejected') return 'stopped';
  return 'progress';
}

/** The state in words, in the reader's language (the API's label is the Vietnamese one). */
export function useStateText() {
  const { t } = useFeedbackT();
  return (state: string, apiLabel: string) => (isStateKey(state) ? t(`state.${state}`) : apiLabel);
}

export function StateTag({
  state,
  label,
  testId,
}: {
  state: string;
  label: string;
  testId?: string;
}) {
  const text = useStateText();
  return (
    <span className={`tag fb-state fb-state--${tone(state)}`} data-testid={testId}>
      {text(state, label)}
    </span>
  );
}

const runningStates = new Set(['submitted', 'triage', 'assigned', 'in_progress']);

/**
 * Past due and still running. The public view carries no deadline band, so this compares with
 * the device clock; a paused report (information requested) is never overdue.
 */
export function isOverdue(report: Pick<FeedbackListItem, 'state' | 'dueAt'>, now = Date.now()) {
  return (
    runningStates.has(report.state) &&
    report.dueAt !== null &&
    new Date(report.dueAt).getTime() < now
  );
}

/** Status, who has it, by when, category, place, date: the facts every report view starts with. */
export function ReportFacts({ report }: { report: FeedbackReport }) {
  const { t } = useFeedbackT();
  const overdue = isOverdue(report);
  const place = [report.address, report.communeName].filter(Boolean).join(', ');
  return (
    <dl className="facts fb-facts" data-testid="feedback-facts">
      <div className="facts__row">
        <dt>{t('detail.status')}</dt>
        <dd>
          <StateTag state={report.state} label={report.stateLabel} testId="feedback-status" />
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('detail.who')}</dt>
        <dd data-testid="feedback-unit">
          {report.assignedUnitName ?? <span className="muted">{t('detail.whoUnknown')}</span>}
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('detail.dueAt')}</dt>
        <dd data-testid="feedback-due">
          {report.dueAt ? (
            <>
              <time dateTime={report.dueAt}>{formatDateTime(report.dueAt)}</time>
              {overdue ? (
                <>
                  {' '}
                  <span className="tag fb-overdue" data-testid="feedback-overdue">
                    {t('detail.overdue')}
                  </span>
                </>
              ) : null}
              {report.state === 'info_requested' ? (
                <span className="hint fb-paused">{t('detail.paused')}</span>
              ) : null}
            </>
          ) : (
            <span className="muted">{t('detail.dueNone')}</span>
          )}
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('detail.category')}</dt>
        <dd data-testid="feedback-category">{report.categoryName}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('detail.place')}</dt>
        <dd data-testid="feedback-place">
          {place || <span className="muted">{t('detail.placeUnknown')}</span>}
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('detail.sentAt')}</dt>
        <dd>
          <time dateTime={report.createdAt}>{formatDateTime(report.createdAt)}</time>
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('detail.reporter')}</dt>
        {/* The API gives a name only when the reporter did not ask for anonymity. */}
        <dd data-testid="feedback-reporter">
          {report.reporterName ?? <span className="muted">{t('detail.anonymous')}</span>}
        </dd>
      </div>
    </dl>
  );
}

/** The public copies of the photos (metadata removed at upload), each a link to full size. */
export function Photos({ report }: { report: FeedbackReport }) {
  const { t } = useFeedbackT();
  if (report.photos.length === 0) return null;
  return (
    <section className="section" aria-labelledby="fb-photos-heading">
      <h2 id="fb-photos-heading">{t('detail.photos')}</h2>
      <ul className="fb-photos" data-testid="feedback-photos">
        {report.photos.map((photo, i) => (
          <li key={photo.id}>
            <a
              href={photo.url}
              target="_blank"
              rel="noopener"
              aria-label={t('detail.photoOpen', { n: i + 1 })}
            >
              <img
                src={photo.url}
                alt={t('detail.photoAlt', { n: i + 1, ref: report.reference })}
                loading="lazy"
                width={320}
                height={240}
              />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The authority's public answer, or when it is due. */
export function PublicAnswer({ report }: { report: FeedbackReport }) {
  const { t } = useFeedbackT();
  const ratingKey = report.rating ? (String(report.rating) as '1' | '2' | '3' | '4' | '5') : null;
  return (
    <section
      className={`section card fb-answer${report.publicAnswer ? '' : ' fb-answer--none'}`}
      aria-labelledby="fb-answer-heading"
      data-testid="feedback-answer"
    >
      <h2 id="fb-answer-heading">{t('detail.answer')}</h2>
      {report.publicAnswer ? (
        <>
          {report.answeredAt ? (
            <p className="muted">
              {t('detail.answeredAt', { date: formatDate(report.answeredAt) })}
            </p>
          ) : null}
          <p className="fb-answer__text" data-testid="feedback-answer-text">
            {report.publicAnswer}
          </p>
          {ratingKey ? (
            <p data-testid="feedback-rating-given">
              {t('detail.rating', { label: t(`ratingLabels.${ratingKey}`) })}{' '}
              <span aria-hidden="true" className="fb-stars">
                {'★'.repeat(report.rating ?? 0)}
                <span className="fb-stars__off">{'★'.repeat(5 - (report.rating ?? 0))}</span>
              </span>
            </p>
          ) : null}
        </>
      ) : (
        <p className="muted">{t('detail.noAnswer')}</p>
      )}
    </section>
  );
}

/** Public events, oldest first (internal notes are never in the public view). */
export function Timeline({ report }: { report: FeedbackReport }) {
  const { t } = useFeedbackT();
  return (
    <section aria-labelledby="fb-timeline-heading" className="section">
      <h2 id="fb-timeline-heading">{t('detail.timeline')}</h2>
      {report.events.length === 0 ? (
        <p className="muted">{t('detail.timelineEmpty')}</p>
      ) : (
        <ol
          className="fb-timeline"
          aria-labelledby="fb-timeline-heading"
          data-testid="feedback-timeline"
        >
          {report.events.map((e) => (
            <li key={`${e.at}|${e.type}|${e.state}|${e.note ?? ''}`} className="fb-timeline__item">
              <p className="fb-timeline__when">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                {e.unitName ? <span className="muted"> · {e.unitName}</span> : null}
              </p>
              <p className="fb-timeline__what">{e.label}</p>
              {e.note ? <p className="fb-timeline__note">{e.note}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
