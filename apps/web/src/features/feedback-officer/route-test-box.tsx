import type { UnitSummary } from '@cqs/shared';
import { type FormEvent, useId, useState } from 'react';
import { ApiClientError } from '../../lib/api';
import { type FeedbackCategory, type FeedbackRule, useTestRoute } from './feedback-officer-api';
import { FormField } from './form-field';
import { useF } from './i18n';

/** "Thử phân luồng": which rule a sample report meets, with the saved or the edited rules. */
export function RouteTestBox({
  categories,
  units,
  draftRules,
  dirty,
}: {
  categories: FeedbackCategory[];
  units: UnitSummary[];
  /** The rules being edited, or null when they have problems and cannot be sent. */
  draftRules: FeedbackRule[] | null;
  dirty: boolean;
}) {
  const { t } = useF();
  const id = useId();
  const test = useTestRoute();
  const [category, setCategory] = useState('');
  const [by, setBy] = useState<'commune' | 'point'>('commune');
  const [commune, setCommune] = useState('');
  const [lat, setLat] = useState('');
  const [lng, setLng] = useState('');
  const [useDraft, setUseDraft] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const unitName = (code: string) => units.find((u) => u.code === code)?.fullName ?? code;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!category) found.category = t('admin.test.categoryMissing');
    const latN = Number(lat.replace(',', '.'));
    const lngN = Number(lng.replace(',', '.'));
    if (by === 'commune' && !commune) found.commune = t('admin.test.locationMissing');
    if (by === 'point' && (!lat.trim() || !lng.trim() || Number.isNaN(latN) || Number.isNaN(lngN)))
      found.point = t('admin.test.pointInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    test.mutate({
      categoryCode: category,
      ...(by === 'commune' ? { communeCode: commune } : { lat: latN, lng: lngN }),
      ...(dirty && useDraft && draftRules ? { rules: draftRules } : {}),
    });
  };

  const apiError = test.error instanceof ApiClientError ? test.error : null;
  return (
    <section className="ws-section" aria-labelledby={`${id}-h`} data-testid="route-test">
      <h2 id={`${id}-h`}>{t('admin.test.heading')}</h2>
      <p className="hint">{t('admin.test.lead')}</p>
      <form noValidate onSubmit={submit}>
        <FormField id={`${id}-cat`} label={t('admin.test.category')} error={errors.category}>
          <select
            className="select"
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            data-testid="route-test-category"
          >
            <option value="">{t('admin.test.chooseCategory')}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.parentCode ? `— ${c.nameVi}` : c.nameVi}
              </option>
            ))}
          </select>
        </FormField>
        <fieldset className="proc-fieldset">
          <legend className="label">{t('admin.test.by')}</legend>
          {(['commune', 'point'] as const).map((mode) => (
            <label key={mode} className="proc-radio">
              <input
                type="radio"
                name={`${id}-by`}
                checked={by === mode}
                onChange={() => setBy(mode)}
                data-testid={`route-test-by-${mode}`}
              />{' '}
              {mode === 'commune' ? t('admin.test.byCommune') : t('admin.test.byPoint')}
            </label>
          ))}
        </fieldset>
        {by === 'commune' ? (
          <FormField id={`${id}-commune`} label={t('admin.test.commune')} error={errors.commune}>
            <select
              className="select"
              value={commune}
              onChange={(e) => setCommune(e.target.value)}
              data-testid="route-test-commune"
            >
              <option value="">{t('admin.rules.chooseCommune')}</option>
              {units
                .filter((u) => u.kind === 'commune')
                .map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.fullName}
                  </option>
                ))}
            </select>
          </FormField>
        ) : (
          <div className="fbo-point">
            {errors.point ? (
              <p className="field__error" id={`${id}-point-error`}>
                {errors.point}
              </p>
            ) : null}
            <div>
              <FormField id={`${id}-lat`} label={t('admin.test.lat')}>
                <input
                  className="input"
                  inputMode="decimal"
                  value={lat}
                  onChange={(e) => setLat(e.target.value)}
                  data-testid="route-test-lat"
                />
              </FormField>
              <FormField id={`${id}-lng`} label={t('admin.test.lng')}>
                <input
                  className="input"
                  inputMode="decimal"
                  value={lng}
                  onChange={(e) => setLng(e.target.value)}
                  data-testid="route-test-lng"
                />
              </FormField>
            </div>
          </div>
        )}
        {dirty && draftRules ? (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={useDraft}
              onChange={(e) => setUseDraft(e.target.checked)}
            />{' '}
            {t('admin.test.useDraft')}
          </label>
        ) : null}
        <div className="button-row">
          <button
            type="submit"
            className="btn btn--secondary"
            disabled={test.isPending}
            data-testid="route-test-run"
          >
            {test.isPending ? t('common.sending') : t('admin.test.run')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" data-testid="route-test-result">
        {apiError ? (
          <p className="notice notice--error">{apiError.fields[0]?.message ?? apiError.message}</p>
        ) : test.data ? (
          <div className={`notice ${test.data.matched ? 'notice--ok' : 'notice--warning'}`}>
            <p>
              {test.data.matched
                ? t('admin.test.matched', {
                    n: (test.data.ruleIndex ?? 0) + 1,
                    unit: test.data.unitName ?? test.data.unitCode,
                  })
                : t('admin.test.noMatch')}
            </p>
            {test.data.communeCode ? (
              <p className="proc-sub">
                {t('admin.test.matchedCommune', { commune: unitName(test.data.communeCode) })}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
