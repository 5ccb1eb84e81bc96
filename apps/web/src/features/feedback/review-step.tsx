import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCommunes } from '../../lib/units';
import { type Step, stepPath } from './draft';
import { useLocate } from './feedback-api';
import { useFeedbackT } from './feedback-i18n';
import type { StepProps } from './intake-page';
import { SimilarReports } from './similar-reports';
import { useCategoryName } from './steps';

/** "Kiểm tra lại": every answer with a link back to its step, similar reports, then send. */
export function ReviewStep({
  draft,
  categories,
  photos,
  sending,
  onSend,
}: StepProps & { photos: File[]; sending: boolean; onSend: () => void }) {
  const { t } = useFeedbackT();
  const name = useCategoryName(categories);
  const pin =
    draft.placeMode === 'map' && draft.lat !== null && draft.lng !== null
      ? { lat: draft.lat, lon: draft.lng }
      : null;
  const located = useLocate(pin);
  const communes = useCommunes('');
  const commune = communes.data?.items.find((c) => c.code === draft.communeCode);
  const contact = [draft.contactName, draft.contactPhone, draft.contactEmail]
    .map((s) => s.trim())
    .filter(Boolean);

  const place =
    draft.placeMode === 'map'
      ? [
          located.data ? t('place.belongs', { name: located.data.fullName }) : null,
          pin ? t('place.coords', { lat: pin.lat.toFixed(5), lon: pin.lon.toFixed(5) }) : null,
          draft.address.trim() || null,
        ]
      : [commune?.fullName ?? draft.communeCode, draft.address.trim()];

  return (
    <>
      <h1>{t('review.heading')}</h1>
      <p className="lead">{t('review.lead')}</p>
      <dl className="feedback-review" data-testid="feedback-review">
        <Row label={t('review.category')} step="linh-vuc">
          {draft.category ? name(draft.category) : t('review.categorySuggest')}
        </Row>
        <Row label={t('review.place')} step="vi-tri">
          {place.filter(Boolean).map((line) => (
            <span key={line} className="feedback-review__line">
              {line}
            </span>
          ))}
        </Row>
        <Row label={t('review.photos')} step="hinh-anh">
          {photos.length ? photos.map((p) => p.name).join(', ') : t('review.photosNone')}
        </Row>
        <Row label={t('review.description')} step="noi-dung">
          <span className="feedback-review__text">{draft.description.trim()}</span>
        </Row>
        <Row label={t('review.contact')} step="lien-he">
          {contact.length ? contact.join(' · ') : t('review.contactNone')}
          {draft.anonymous ? (
            <span className="feedback-review__line">{t('review.anonymousYes')}</span>
          ) : null}
        </Row>
      </dl>
      {pin && draft.category ? (
        <SimilarReports category={draft.category} point={{ lat: pin.lat, lng: pin.lon }} />
      ) : null}
      <p className="hint">{t('review.declaration')}</p>
      {sending ? (
        <p className="feedback-progress" role="status">
          {t('review.sending')}
        </p>
      ) : null}
      <div className="button-row feedback-actions">
        <button
          type="button"
          className="btn btn--primary btn--big"
          onClick={onSend}
          disabled={sending}
          data-testid="feedback-submit"
        >
          {sending ? t('review.sending') : t('review.submit')}
        </button>
      </div>
    </>
  );
}

function Row({ label, step, children }: { label: string; step: Step; children: ReactNode }) {
  const { t } = useFeedbackT();
  return (
    <div className="feedback-review__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
      <dd className="feedback-review__change">
        <Link to={stepPath(step)} aria-label={`${t('change')}: ${label}`}>
          {t('change')}
        </Link>
      </dd>
    </div>
  );
}
