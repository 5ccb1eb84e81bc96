import type { ReactNode } from 'react';
import { formatDateTime } from '../processing/format';
import type { FeedbackReport } from './feedback-officer-api';
import { useF } from './i18n';

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useF();
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children ?? <span className="muted">{t('common.none')}</span>}</dd>
    </div>
  );
}

/** Description, place and photos: what the resident sent. */
export function ReportContent({ report }: { report: FeedbackReport }) {
  const { t } = useF();
  return (
    <section className="ws-section" aria-labelledby="fb-content">
      <h2 id="fb-content">{t('report.content')}</h2>
      <p className="fbo-text" data-testid="fb-description">
        {report.description}
      </p>
      <h3>{t('report.place')}</h3>
      <dl className="facts">
        <Fact label={t('report.commune')}>{report.communeName}</Fact>
        <Fact label={t('report.address')}>{report.address}</Fact>
        <Fact label={t('report.point')}>
          {report.lat !== null && report.lng !== null ? (
            <>
              {report.lat.toFixed(5)}, {report.lng.toFixed(5)}{' '}
              <a
                href={`https://www.openstreetmap.org/?mlat=${report.lat}&mlon=${report.lng}#map=18/${report.lat}/${report.lng}`}
                target="_blank"
                rel="noopener noreferrer"
              >
                {t('report.openMap')}
              </a>
            </>
          ) : null}
        </Fact>
      </dl>
      <h3>{t('report.photos')}</h3>
      {report.photos.length === 0 ? (
        <p className="muted">{t('report.noPhotos')}</p>
      ) : (
        <ul className="fbo-photos">
          {report.photos.map((p, i) => (
            <li key={p.id}>
              {/* Officers read photos through the files API: a held report has no public URL. */}
              <a href={`/api/files/${encodeURIComponent(p.id)}`} target="_blank" rel="noopener">
                <img
                  src={`/api/files/${encodeURIComponent(p.id)}`}
                  alt={t('report.photo', { n: i + 1 })}
                  loading="lazy"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Category with the classifier's suggestion and confidence, and the moderation state. */
export function Classification({
  report,
  categoryName,
}: {
  report: FeedbackReport;
  categoryName: (code: string) => string;
}) {
  const { t } = useF();
  const confidence =
    report.classifierConfidence === null ? null : Math.round(report.classifierConfidence * 100);
  return (
    <section className="ws-section" aria-labelledby="fb-class" data-testid="fb-classification">
      <h2 id="fb-class">{t('report.classification')}</h2>
      <dl className="facts">
        <Fact label={t('report.category')}>
          <strong>{report.categoryName}</strong>
          {report.suggestedCategory ? (
            <span className="proc-sub">
              {t('report.suggested', { category: categoryName(report.suggestedCategory) })}
              {confidence === null ? null : `, ${t('report.confidence', { percent: confidence })}`}
            </span>
          ) : null}
        </Fact>
        <Fact label={t('report.moderation')}>{t(`moderation.${report.moderationState}`)}</Fact>
      </dl>
      {report.categoryFlagged ? (
        <p className="notice notice--warning" data-testid="fb-flagged">
          {t('report.flagged')}
        </p>
      ) : null}
      {report.moderationState === 'pending' ? (
        <p className="notice notice--warning" data-testid="fb-moderation-pending">
          {t('report.moderationPending', {
            reasons: (report.moderationReasons ?? []).join(', ') || t('common.none'),
          })}
        </p>
      ) : null}
    </section>
  );
}

/** Contacts are for the officers only; anonymity hides the name from the public, not from them. */
export function Reporter({ report }: { report: FeedbackReport }) {
  const { t } = useF();
  return (
    <section className="ws-section" aria-labelledby="fb-reporter">
      <h2 id="fb-reporter">{t('report.reporter')}</h2>
      {report.anonymous ? <p className="hint">{t('report.anonymous')}</p> : null}
      <dl className="facts">
        <Fact label={t('report.name')}>{report.reporterName}</Fact>
        <Fact label={t('report.phone')}>{report.reporterPhone}</Fact>
        <Fact label={t('report.email')}>{report.reporterEmail}</Fact>
        {report.rating !== null ? (
          <Fact label={t('report.rating')}>{t('report.stars', { rating: report.rating })}</Fact>
        ) : null}
      </dl>
    </section>
  );
}

/** Every event, public or internal, oldest first; each says which one it is in words. */
export function ReportTimeline({
  report,
  unitName,
}: {
  report: FeedbackReport;
  unitName: (code: string) => string;
}) {
  const { t } = useF();
  return (
    <section className="ws-section" aria-labelledby="fb-timeline">
      <h2 id="fb-timeline">{t('report.timeline')}</h2>
      <ol className="timeline ws-timeline" aria-labelledby="fb-timeline" data-testid="fb-timeline">
        {report.internalEvents.map((e) => (
          <li key={e.id} className="timeline__item">
            <p className="timeline__when">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time> ·{' '}
              {t(`report.by.${e.actorKind}` as 'report.by.officer', e.actorKind)}
              {e.unitCode ? ` · ${unitName(e.unitCode)}` : ''}
            </p>
            <p className="timeline__what">
              <strong>{t(`event.${e.type}` as 'event.submitted', e.type)}</strong>{' '}
              <span className={`tag ${e.public ? 'tag--public' : 'tag--internal'}`}>
                {e.public ? t('report.publicTag') : t('report.internalTag')}
              </span>
            </p>
            {e.note ? <p className="timeline__note">{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
