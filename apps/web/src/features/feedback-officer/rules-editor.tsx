import type { UnitSummary } from '@cqs/shared';
import { useId } from 'react';
import type { FeedbackCategory } from './feedback-officer-api';
import { FormField } from './form-field';
import { useF } from './i18n';
import type { RuleDraft, RuleErrors } from './rule-draft';

/**
 * The ordered rule list: each rule reads as one sentence, opens to edit, moves up or down, goes.
 * Nothing is saved until "Lưu toàn bộ quy tắc" (the page does that).
 */
export function RulesList({
  drafts,
  setDrafts,
  errors,
  open,
  setOpen,
  categories,
  units,
  announce,
}: {
  drafts: RuleDraft[];
  setDrafts: (update: (d: RuleDraft[]) => RuleDraft[]) => void;
  errors: RuleErrors;
  open: ReadonlySet<string>;
  setOpen: (key: string, on: boolean) => void;
  categories: FeedbackCategory[];
  units: UnitSummary[];
  announce: (text: string) => void;
}) {
  const { t } = useF();
  const unitName = (code: string) => units.find((u) => u.code === code)?.fullName ?? code;
  const catName = (code: string) => categories.find((c) => c.code === code)?.nameVi ?? code;

  const move = (index: number, by: -1 | 1) => {
    setDrafts((d) => {
      const next = [...d];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
    announce(t('admin.rules.movedTo', { n: index + by + 1 }));
  };

  if (drafts.length === 0) return <p className="muted">{t('admin.rules.empty')}</p>;
  return (
    <ol className="fbo-rules" data-testid="rules-list">
      {drafts.map((d, i) => {
        const problems = errors[d.key];
        const editing = open.has(d.key) || Boolean(problems);
        const summary = t('admin.rules.summary', {
          category: d.categoryCode ? catName(d.categoryCode) : t('admin.rules.anyCategoryShort'),
          location:
            d.location === 'commune'
              ? unitName(d.communeCode)
              : d.location === 'area'
                ? t('admin.rules.areaSummary')
                : t('admin.rules.locationAny'),
          target:
            d.targetKind === 'commune'
              ? t('admin.rules.targetCommune')
              : d.targetUnitCode
                ? unitName(d.targetUnitCode)
                : t('admin.rules.noTarget'),
        });
        return (
          <li
            key={d.key}
            id={`rule-${d.key}`}
            className={`fbo-rule${problems ? ' fbo-rule--error' : ''}${d.active ? '' : ' fbo-rule--inactive'}`}
            data-testid="rule"
          >
            <div className="fbo-rule__head">
              <p className="fbo-rule__summary">
                <strong>{t('admin.rules.number', { n: i + 1 })}</strong>
                {d.active ? null : <span className="tag">{t('admin.rules.inactive')}</span>}
                <span>{summary}</span>
              </p>
              <div className="fbo-rule__buttons">
                <button
                  type="button"
                  className="btn btn--quiet btn--small"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={`${t('admin.rules.moveUp')}: ${t('admin.rules.number', { n: i + 1 })}`}
                  data-testid="rule-up"
                >
                  ↑ {t('admin.rules.moveUp')}
                </button>
                <button
                  type="button"
                  className="btn btn--quiet btn--small"
                  disabled={i === drafts.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={`${t('admin.rules.moveDown')}: ${t('admin.rules.number', { n: i + 1 })}`}
                  data-testid="rule-down"
                >
                  ↓ {t('admin.rules.moveDown')}
                </button>
                <button
                  type="button"
                  className="btn btn--secondary btn--small"
                  aria-expanded={editing}
                  onClick={() => setOpen(d.key, !editing)}
                  data-testid="rule-edit"
                >
                  {editing ? t('admin.rules.done') : t('admin.rules.edit')}
                </button>
                <button
                  type="button"
                  className="btn btn--quiet btn--small fbo-danger"
                  onClick={() => {
                    setDrafts((all) => all.filter((x) => x.key !== d.key));
                    announce(t('admin.rules.removed', { n: i + 1 }));
                  }}
                  aria-label={`${t('admin.rules.remove')}: ${t('admin.rules.number', { n: i + 1 })}`}
                  data-testid="rule-remove"
                >
                  {t('admin.rules.remove')}
                </button>
              </div>
            </div>
            {editing ? (
              <RuleForm
                draft={d}
                errors={problems ?? {}}
                categories={categories}
                units={units}
                onChange={(patch) =>
                  setDrafts((all) => all.map((x) => (x.key === d.key ? { ...x, ...patch } : x)))
                }
              />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function RuleForm({
  draft,
  errors,
  categories,
  units,
  onChange,
}: {
  draft: RuleDraft;
  errors: RuleErrors[string];
  categories: FeedbackCategory[];
  units: UnitSummary[];
  onChange: (patch: Partial<RuleDraft>) => void;
}) {
  const { t } = useF();
  const id = useId();
  const communes = units.filter((u) => u.kind === 'commune');
  return (
    <div className="fbo-rule__form">
      <FormField id={`${id}-cat`} label={t('admin.rules.category')} error={errors?.categoryCode}>
        <select
          className="select"
          value={draft.categoryCode}
          onChange={(e) => onChange({ categoryCode: e.target.value })}
          data-testid="rule-category"
        >
          <option value="">{t('admin.rules.anyCategory')}</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.parentCode ? `— ${c.nameVi}` : c.nameVi}
            </option>
          ))}
        </select>
      </FormField>
      <fieldset className="proc-fieldset">
        <legend className="label">{t('admin.rules.location')}</legend>
        {(['any', 'commune', 'area'] as const).map((mode) => (
          <label key={mode} className="proc-radio">
            <input
              type="radio"
              name={`${id}-loc`}
              checked={draft.location === mode}
              onChange={() => onChange({ location: mode })}
              data-testid={`rule-location-${mode}`}
            />{' '}
            {t(
              `admin.rules.location${mode === 'any' ? 'Any' : mode === 'commune' ? 'Commune' : 'Area'}`,
            )}
          </label>
        ))}
      </fieldset>
      {draft.location === 'commune' ? (
        <FormField
          id={`${id}-commune`}
          label={t('admin.rules.commune')}
          error={errors?.communeCode}
        >
          <select
            className="select"
            value={draft.communeCode}
            onChange={(e) => onChange({ communeCode: e.target.value })}
            data-testid="rule-commune"
          >
            <option value="">{t('admin.rules.chooseCommune')}</option>
            {communes.map((u) => (
              <option key={u.code} value={u.code}>
                {u.fullName}
              </option>
            ))}
          </select>
        </FormField>
      ) : null}
      {draft.location === 'area' ? (
        <FormField
          id={`${id}-area`}
          label={t('admin.rules.area')}
          hint={t('admin.rules.areaHint')}
          error={errors?.area}
        >
          <textarea
            className="textarea fbo-mono"
            rows={3}
            value={draft.areaText}
            onChange={(e) => onChange({ areaText: e.target.value })}
            data-testid="rule-area"
          />
        </FormField>
      ) : null}
      <fieldset className="proc-fieldset">
        <legend className="label">{t('admin.rules.target')}</legend>
        {(['commune', 'unit'] as const).map((kind) => (
          <label key={kind} className="proc-radio">
            <input
              type="radio"
              name={`${id}-target`}
              checked={draft.targetKind === kind}
              onChange={() => onChange({ targetKind: kind })}
              data-testid={`rule-target-${kind}`}
            />{' '}
            {kind === 'commune' ? t('admin.rules.targetCommune') : t('admin.rules.targetUnit')}
          </label>
        ))}
      </fieldset>
      {draft.targetKind === 'unit' ? (
        <FormField
          id={`${id}-unit`}
          label={t('admin.rules.targetUnitCode')}
          error={errors?.targetUnitCode}
        >
          <select
            className="select"
            value={draft.targetUnitCode}
            onChange={(e) => onChange({ targetUnitCode: e.target.value })}
            data-testid="rule-unit"
          >
            <option value="">{t('admin.rules.chooseUnit')}</option>
            {units
              .filter((u) => u.kind !== 'external')
              .map((u) => (
                <option key={u.code} value={u.code}>
                  {u.fullName}
                </option>
              ))}
          </select>
        </FormField>
      ) : null}
      <FormField id={`${id}-note`} label={t('admin.rules.note')} error={errors?.note}>
        <input
          className="input"
          value={draft.note}
          maxLength={500}
          onChange={(e) => onChange({ note: e.target.value })}
          data-testid="rule-note"
        />
      </FormField>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.active}
          onChange={(e) => onChange({ active: e.target.checked })}
          data-testid="rule-active"
        />{' '}
        {t('admin.rules.active')}
      </label>
    </div>
  );
}
