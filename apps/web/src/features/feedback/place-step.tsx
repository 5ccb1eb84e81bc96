import { useState } from 'react';
import { Loading } from '../../components/loading';
import { ApiClientError } from '../../lib/api';
import { useCommunes } from '../../lib/units';
import { CommuneMap, useCommuneMap } from '../feedback-map';
import { useLocate } from './feedback-api';
import { useFeedbackT } from './feedback-i18n';
import type { StepProps } from './intake-page';
import { SimilarReports } from './similar-reports';
import { describedBy, FieldError } from './steps';

/** Where: a pin on the map, or (the accessible alternative) a commune from a list + an address. */
export function PlaceStep(props: StepProps) {
  const { t } = useFeedbackT();
  const { draft, update } = props;
  return (
    <>
      <h1>{t('place.heading')}</h1>
      <fieldset className="feedback-fieldset field">
        <legend className="label">{t('place.modeLabel')}</legend>
        <div className="feedback-choices feedback-choices--row">
          <label className={`feedback-choice${draft.placeMode === 'map' ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name="placeMode"
              checked={draft.placeMode === 'map'}
              onChange={() => update({ placeMode: 'map' })}
              data-testid="place-mode-map"
            />
            <span>{t('place.modeMap')}</span>
          </label>
          <label className={`feedback-choice${draft.placeMode === 'list' ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name="placeMode"
              checked={draft.placeMode === 'list'}
              onChange={() => update({ placeMode: 'list' })}
              data-testid="place-mode-list"
            />
            <span>{t('place.modeList')}</span>
          </label>
        </div>
      </fieldset>
      {draft.placeMode === 'map' ? <MapPlace {...props} /> : <ListPlace {...props} />}
    </>
  );
}

function MapPlace({ draft, update, problems }: StepProps) {
  const { t } = useFeedbackT();
  const map = useCommuneMap();
  const pin = draft.lat !== null && draft.lng !== null ? { lat: draft.lat, lon: draft.lng } : null;
  const located = useLocate(pin);
  const outside = located.error instanceof ApiClientError && located.error.status === 422;
  const error = problems.pin ?? problems.place ?? (outside ? t('place.outside') : undefined);

  return (
    <>
      <div className={`field${error ? ' field--error' : ''}`} id="fb-pin" tabIndex={-1}>
        <FieldError name="pin" message={error} />
        {map.isPending ? <p>{t('place.mapLoading')}</p> : null}
        {map.isError ? <p className="notice notice--warning">{t('place.mapFailed')}</p> : null}
        {map.data ? (
          <CommuneMap
            data={map.data}
            pin={pin}
            onPick={(p) => update({ lat: round6(p.lat), lng: round6(p.lon) })}
            highlightCode={located.data && !outside ? located.data.code : undefined}
            label={t('place.mapLabel')}
          />
        ) : null}
        {/* Announced: where the pin landed, from the server's commune boundaries. */}
        <div aria-live="polite" className="feedback-located" data-testid="pin-commune">
          {pin && located.isFetching && !located.data ? <p>{t('place.locating')}</p> : null}
          {pin && located.data && !outside ? (
            <p className="feedback-located__name">
              {t('place.belongs', { name: located.data.fullName })}
            </p>
          ) : null}
        </div>
        {pin ? (
          <p className="hint feedback-coords">
            {t('place.coords', { lat: pin.lat.toFixed(5), lon: pin.lon.toFixed(5) })}{' '}
            <button
              type="button"
              className="btn btn--quiet btn--small"
              onClick={() => update({ lat: null, lng: null })}
            >
              {t('place.clearPin')}
            </button>
          </p>
        ) : null}
      </div>
      <div className="field">
        <label className="label" htmlFor="fb-address">
          {t('place.landmark')} <span className="feedback-optional">{t('optional')}</span>
        </label>
        <p className="hint" id="fb-address-hint">
          {t('place.landmarkHint')}
        </p>
        <input
          id="fb-address"
          className="input"
          value={draft.address}
          maxLength={300}
          onChange={(e) => update({ address: e.target.value })}
          aria-describedby="fb-address-hint"
          autoComplete="off"
          data-testid="feedback-landmark"
        />
      </div>
      {pin && draft.category && !outside ? (
        <SimilarReports category={draft.category} point={{ lat: pin.lat, lng: pin.lon }} />
      ) : null}
    </>
  );
}

function ListPlace({ draft, update, problems }: StepProps) {
  const { t } = useFeedbackT();
  const [q, setQ] = useState('');
  const communes = useCommunes(q);
  const items = communes.data?.items ?? [];
  // The chosen commune stays in the list while a search hides it.
  const chosenMissing = draft.communeCode && !items.some((c) => c.code === draft.communeCode);
  const communeError = problems.communeCode ?? problems.place;
  const addressError = problems.address;

  return (
    <>
      <div className={`field${communeError ? ' field--error' : ''}`}>
        <label className="label" htmlFor="fb-commune-search">
          {t('place.communeSearch')}
        </label>
        <p className="hint" id="fb-commune-search-hint">
          {t('place.communeSearchHint')}
        </p>
        <input
          id="fb-commune-search"
          className="input feedback-search"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          aria-describedby="fb-commune-search-hint"
          aria-controls="fb-communeCode"
          autoComplete="off"
          data-testid="commune-search"
        />
        <label className="label feedback-select-label" htmlFor="fb-communeCode">
          {t('place.commune')}
        </label>
        <FieldError name="communeCode" message={communeError} />
        {communes.isPending ? <Loading /> : null}
        <select
          id="fb-communeCode"
          className="select"
          value={draft.communeCode}
          onChange={(e) => update({ communeCode: e.target.value })}
          aria-invalid={communeError ? true : undefined}
          aria-describedby={describedBy(communeError && 'fb-communeCode-error')}
          data-testid="commune-select"
        >
          <option value="">{t('place.communeChoose')}</option>
          {chosenMissing ? <option value={draft.communeCode}>{draft.communeCode}</option> : null}
          {items.map((c) => (
            <option key={c.code} value={c.code}>
              {c.fullName}
            </option>
          ))}
        </select>
        {communes.data && items.length === 0 ? (
          <p className="hint">{t('place.communeNone')}</p>
        ) : null}
      </div>
      <div className={`field${addressError ? ' field--error' : ''}`}>
        <label className="label" htmlFor="fb-address">
          {t('place.address')}
        </label>
        <p className="hint" id="fb-address-hint">
          {t('place.addressHint')}
        </p>
        <FieldError name="address" message={addressError} />
        <input
          id="fb-address"
          className="input"
          value={draft.address}
          maxLength={300}
          onChange={(e) => update({ address: e.target.value })}
          aria-invalid={addressError ? true : undefined}
          aria-describedby={describedBy('fb-address-hint', addressError && 'fb-address-error')}
          autoComplete="street-address"
          data-testid="feedback-address"
        />
      </div>
    </>
  );
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
