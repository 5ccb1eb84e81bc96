import { type FormEvent, useId, useRef, useState } from 'react';
import {
  type FeedbackReport,
  useAllUnits,
  useFeedbackCategories,
  useUnitOfficers,
} from './feedback-officer-api';
import { FormField } from './form-field';
import { useF } from './i18n';
import { type ActionCallbacks, type ActionFieldName, useReportAction } from './use-report-action';

/** What each action asks for; the reply and the internal note have panels of their own. */
interface ActionSpec {
  text?: { to: 'note' | 'publicReply'; label: 'question' | 'publicReason' | 'internalReason' };
  category?: boolean;
  unit?: 'optional' | 'required';
  officer?: boolean;
}
const specs: Record<string, ActionSpec> = {
  triage: { category: true, unit: 'optional' },
  assign: { officer: true },
  start: {},
  request_info: { text: { to: 'publicReply', label: 'question' } },
  reject: { text: { to: 'publicReply', label: 'publicReason' } },
  transfer: { unit: 'required', text: { to: 'publicReply', label: 'publicReason' } },
  return_to_sender: { text: { to: 'note', label: 'internalReason' } },
  approve_moderation: {},
  hide: { text: { to: 'note', label: 'internalReason' } },
};

/** Actions the workflow allows now, minus those with their own panel or with nothing to do. */
function offered(report: FeedbackReport): string[] {
  return report.allowedActions
    .map((a) => a.name)
    .filter((name) => name in specs)
    .filter((name) => name !== 'approve_moderation' || report.moderationState === 'pending')
    .filter((name) => name !== 'hide' || report.moderationState !== 'hidden');
}

/** One button per allowed action; the chosen one opens its form with only its own fields. */
export function ReportActions({
  report,
  ...callbacks
}: { report: FeedbackReport } & ActionCallbacks) {
  const { t } = useF();
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const names = offered(report);
  return (
    <section className="ws-section ws-actions" aria-labelledby={`${id}-h`} data-testid="fb-actions">
      <h2 id={`${id}-h`}>{t('action.heading')}</h2>
      {names.length === 0 ? (
        <p className="muted">{t('action.none')}</p>
      ) : (
        <ul className="ws-actions__list" ref={listRef}>
          {names.map((name) => (
            <li key={name}>
              <button
                type="button"
                className={`btn btn--small ${chosen === name ? 'btn--primary' : 'btn--secondary'}`}
                aria-expanded={chosen === name}
                onClick={() => setChosen(chosen === name ? null : name)}
                data-testid={`fb-action-${name}`}
              >
                {t(`action.name.${name}` as 'action.name.start')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen ? (
        <ActionForm
          key={chosen}
          report={report}
          name={chosen}
          onCancel={() => {
            setChosen(null);
            listRef.current?.querySelector('button')?.focus();
          }}
          {...callbacks}
        />
      ) : null}
    </section>
  );
}

function ActionForm({
  report,
  name,
  onCancel,
  ...callbacks
}: { report: FeedbackReport; name: string; onCancel: () => void } & ActionCallbacks) {
  const { t } = useF();
  const id = useId();
  const spec = specs[name] ?? {};
  const label = t(`action.name.${name}` as 'action.name.start');
  const help = t(`action.help.${name}` as 'action.help.transfer', { defaultValue: '' });
  const act = useReportAction(report, callbacks);
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const [unit, setUnit] = useState('');
  const [officer, setOfficer] = useState('');
  const categories = useFeedbackCategories();
  const units = useAllUnits();
  const officers = useUnitOfficers(spec.officer ? report.assignedUnitCode : null);

  const clear = (field: ActionFieldName) =>
    act.errors[field] ? act.setErrors({ ...act.errors, [field]: undefined }) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (act.pending) return;
    const found: Partial<Record<ActionFieldName, string>> = {};
    if (spec.text && !text.trim()) found.text = t('action.required.text');
    if (spec.unit === 'required' && !unit) found.toUnitCode = t('action.required.toUnitCode');
    if (spec.officer && !officer) found.officerId = t('action.required.officerId');
    if (Object.keys(found).length > 0) {
      act.setErrors(found);
      return;
    }
    act.submit(
      {
        action: name,
        ...(spec.text ? { [spec.text.to]: text.trim() } : {}),
        ...(spec.category && category ? { categoryCode: category } : {}),
        ...(spec.unit && unit ? { toUnitCode: unit } : {}),
        ...(spec.officer ? { officerId: officer } : {}),
      },
      label,
      spec.text?.to ?? null,
    );
  };

  return (
    <form
      noValidate
      onSubmit={submit}
      className="ws-action-form"
      aria-labelledby={`${id}-title`}
      data-testid="fb-action-form"
    >
      <h3 id={`${id}-title`}>{label}</h3>
      {help ? <p className="hint">{help}</p> : null}
      {!spec.text && !spec.category && !spec.unit && !spec.officer ? (
        <p>{t('action.confirm', { action: label })}</p>
      ) : null}
      {act.general ? (
        <p className="notice notice--error" role="alert" data-testid="fb-action-error">
          {act.general}
        </p>
      ) : null}
      {spec.category ? (
        <FormField
          id={`${id}-cat`}
          label={t('action.field.categoryCode')}
          error={act.errors.categoryCode}
          required={false}
        >
          <select
            className="select"
            value={category}
            onChange={(e) => {
              setCategory(e.target.value);
              clear('categoryCode');
            }}
            data-testid="fb-field-category"
          >
            <option value="">{t('action.field.keepCategory')}</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.parentCode ? `— ${c.nameVi}` : c.nameVi}
              </option>
            ))}
          </select>
        </FormField>
      ) : null}
      {spec.unit ? (
        <FormField
          id={`${id}-unit`}
          label={t('action.field.toUnitCode')}
          error={act.errors.toUnitCode}
          required={spec.unit === 'required'}
        >
          <select
            className="select"
            value={unit}
            onChange={(e) => {
              setUnit(e.target.value);
              clear('toUnitCode');
            }}
            data-testid="fb-field-unit"
          >
            <option value="">
              {spec.unit === 'optional' ? t('action.field.byRules') : t('action.field.chooseUnit')}
            </option>
            {(units.data?.items ?? [])
              .filter((u) => u.code !== report.assignedUnitCode && u.kind !== 'external')
              .map((u) => (
                <option key={u.code} value={u.code}>
                  {u.fullName}
                </option>
              ))}
          </select>
        </FormField>
      ) : null}
      {spec.officer ? (
        <FormField
          id={`${id}-officer`}
          label={t('action.field.officerId')}
          error={act.errors.officerId}
          required
        >
          <select
            className="select"
            value={officer}
            onChange={(e) => {
              setOfficer(e.target.value);
              clear('officerId');
            }}
            data-testid="fb-field-officer"
          >
            <option value="">{t('action.field.chooseOfficer')}</option>
            {(officers.data?.items ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </FormField>
      ) : null}
      {spec.text ? (
        <FormField
          id={`${id}-text`}
          label={t(`action.field.${spec.text.label}`)}
          error={act.errors.text}
          required
        >
          <textarea
            className="textarea"
            rows={3}
            maxLength={4000}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              clear('text');
            }}
            data-testid="fb-field-text"
          />
        </FormField>
      ) : null}
      <div className="button-row">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={act.pending}
          data-testid="fb-action-submit"
        >
          {act.pending ? t('common.sending') : t('action.submit', { action: label })}
        </button>
        <button type="button" className="btn btn--quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
