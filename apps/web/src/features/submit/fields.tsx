import type { FormField, FormGroupField, FormLeafField, UnitSummary } from '@cqs/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Answers, isItemFieldVisible } from './flow';

type Lang = 'vi' | 'en';

export interface FieldsProps {
  fields: FormField[];
  answers: Answers;
  errors: Map<string, string>;
  communes: UnitSummary[];
  onChange: (name: string, value: unknown) => void;
}

/** One step's fields, each with its label, help and error tied to the control for screen readers. */
export function Fields({ fields, answers, errors, communes, onChange }: FieldsProps) {
  return (
    <>
      {fields.map((field) =>
        field.type === 'group' ? (
          <GroupInput
            key={field.name}
            field={field}
            value={answers[field.name]}
            errors={errors}
            communes={communes}
            onChange={(v) => onChange(field.name, v)}
          />
        ) : (
          <LeafInput
            key={field.name}
            field={field}
            path={field.name}
            value={answers[field.name]}
            error={errors.get(field.name)}
            communes={communes}
            onChange={(v) => onChange(field.name, v)}
          />
        ),
      )}
    </>
  );
}

const domId = (path: string) => `f-${path.replace(/\./g, '-')}`;

function Optional({ required }: { required: boolean }) {
  const { t } = useTranslation();
  return required ? null : <span className="submit-optional"> {t('submit.optional')}</span>;
}

function Described({
  id,
  help,
  error,
}: {
  id: string;
  help: string | undefined;
  error: string | undefined;
}): ReactNode {
  return (
    <>
      {help ? (
        <p className="hint" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

function describedBy(id: string, help: unknown, error: unknown): string | undefined {
  const ids = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function LeafInput({
  field,
  path,
  value,
  error,
  communes,
  onChange,
}: {
  field: FormLeafField;
  path: string;
  value: unknown;
  error: string | undefined;
  communes: UnitSummary[];
  onChange: (value: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const id = domId(path);
  const help = field.help?.[lang];
  const label = field.label[lang];
  const aria = {
    'aria-describedby': describedBy(id, help, error),
    'aria-invalid': error ? true : undefined,
    'aria-required': field.required || undefined,
  };
  const testid = `field-${path}`;
  const wrap = (control: ReactNode, asGroup = false) =>
    asGroup ? (
      <div className={`field${error ? ' field--error' : ''}`}>{control}</div>
    ) : (
      <div className={`field${error ? ' field--error' : ''}`}>
        <label className="label" htmlFor={id}>
          {label}
          <Optional required={field.required} />
        </label>
        <Described id={id} help={help} error={error} />
        {control}
      </div>
    );

  switch (field.type) {
    case 'radio':
      return wrap(
        <fieldset
          className="submit-fieldset"
          aria-describedby={aria['aria-describedby']}
          data-testid={testid}
        >
          <legend className="label">
            {label}
            <Optional required={field.required} />
          </legend>
          <Described id={id} help={help} error={error} />
          <div className="submit-choices">
            {(field.options ?? []).map((o, i) => (
              <label key={o.value} className="submit-choice">
                <input
                  type="radio"
                  id={i === 0 ? id : undefined}
                  name={id}
                  value={o.value}
                  checked={value === o.value}
                  onChange={() => onChange(o.value)}
                  data-testid={`${testid}-${o.value}`}
                />
                <span>{o.label[lang]}</span>
              </label>
            ))}
          </div>
        </fieldset>,
        true,
      );
    case 'checkbox':
      return wrap(
        <>
          <Described id={id} help={help} error={error} />
          <label className="submit-choice submit-choice--check">
            <input
              type="checkbox"
              id={id}
              checked={value === true}
              onChange={(e) => onChange(e.target.checked)}
              data-testid={testid}
              {...aria}
            />
            <span>{label}</span>
          </label>
        </>,
        true,
      );
    case 'select':
      return wrap(
        <select
          id={id}
          className="select"
          value={text(value)}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testid}
          {...aria}
        >
          <option value="">{t('submit.choose')}</option>
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label[lang]}
            </option>
          ))}
        </select>,
      );
    case 'unit':
      return wrap(
        <select
          id={id}
          className="select"
          value={text(value)}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testid}
          {...aria}
        >
          <option value="">{t('submit.chooseCommune')}</option>
          {communes.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>,
      );
    case 'textarea':
      return wrap(
        <textarea
          id={id}
          className="input submit-textarea"
          rows={5}
          value={text(value)}
          maxLength={field.maxLength ?? 4000}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testid}
          {...aria}
        />,
      );
    default: {
      const kind = inputKind(field);
      return wrap(
        <input
          id={id}
          className={`input${kind.narrow ? ' input--narrow' : ''}`}
          type={kind.type}
          inputMode={kind.inputMode}
          autoComplete={kind.autoComplete ?? 'off'}
          spellCheck={kind.spellCheck}
          maxLength={kind.maxLength ?? field.maxLength}
          value={text(value)}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testid}
          {...aria}
        />,
      );
    }
  }
}

function inputKind(field: FormLeafField): {
  type: string;
  inputMode?: 'numeric' | 'decimal' | 'tel' | 'email' | 'text';
  autoComplete?: string;
  spellCheck?: boolean;
  maxLength?: number;
  narrow?: boolean;
} {
  switch (field.type) {
    case 'date':
      return { type: 'date', narrow: true };
    case 'number':
      return { type: 'text', inputMode: field.integer ? 'numeric' : 'decimal', narrow: true };
    case 'citizen_id':
      // Spaces are allowed while typing (the validator removes them): 12 digits + 3 spaces.
      return { type: 'text', inputMode: 'numeric', maxLength: 15, spellCheck: false, narrow: true };
    case 'phone':
      return { type: 'tel', inputMode: 'tel', autoComplete: 'tel', narrow: true };
    case 'email':
      return { type: 'email', inputMode: 'email', autoComplete: 'email', spellCheck: false };
    case 'address':
      return { type: 'text', autoComplete: 'street-address' };
    default:
      return { type: 'text' };
  }
}

function GroupInput({
  field,
  value,
  errors,
  communes,
  onChange,
}: {
  field: FormGroupField;
  value: unknown;
  errors: Map<string, string>;
  communes: UnitSummary[];
  onChange: (value: Answers[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const items: Answers[] = Array.isArray(value) ? (value as Answers[]) : [];
  const id = domId(field.name);
  const error = errors.get(field.name);
  const help = field.help?.[lang];
  const itemLabel = field.itemLabel[lang];
  const canAdd = field.maxItems === undefined || items.length < field.maxItems;
  const set = (i: number, name: string, v: unknown) =>
    onChange(items.map((item, j) => (j === i ? { ...item, [name]: v } : item)));

  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <fieldset
        id={id}
        tabIndex={-1}
        className="submit-fieldset"
        aria-describedby={describedBy(id, help, error)}
        data-testid={`field-${field.name}`}
      >
        <legend className="label submit-group__legend">
          {field.label[lang]}
          <Optional required={field.required} />
        </legend>
        <Described id={id} help={help} error={error} />
        {items.length === 0 ? <p className="muted">{t('submit.group.empty')}</p> : null}
        {items.map((item, i) => (
          // Items have no identity of their own; the index is their position in the declaration.
          // biome-ignore lint/suspicious/noArrayIndexKey: order only changes by removal, handled below
          <section key={i} className="submit-group__item" aria-labelledby={`${id}-${i}-title`}>
            <h3 id={`${id}-${i}-title`} className="submit-group__title">
              {itemLabel} {i + 1}
            </h3>
            {field.itemFields
              .filter((f) => isItemFieldVisible(f, item))
              .map((f) => {
                const path = `${field.name}.${i}.${f.name}`;
                return (
                  <LeafInput
                    key={f.name}
                    field={f}
                    path={path}
                    value={item[f.name]}
                    error={errors.get(path)}
                    communes={communes}
                    onChange={(v) => set(i, f.name, v)}
                  />
                );
              })}
            <button
              type="button"
              className="btn btn--secondary btn--small"
              onClick={() => onChange(items.filter((_, j) => j !== i))}
              data-testid={`remove-${field.name}-${i}`}
            >
              {t('submit.group.remove', { item: `${itemLabel.toLocaleLowerCase(lang)} ${i + 1}` })}
            </button>
          </section>
        ))}
        {canAdd ? (
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => onChange([...items, {}])}
            data-testid={`add-${field.name}`}
          >
            {t('submit.group.add', { item: itemLabel.toLocaleLowerCase(lang) })}
          </button>
        ) : null}
      </fieldset>
    </div>
  );
}
