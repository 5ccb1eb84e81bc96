import type { StoredFile } from '@cqs/shared';
import { type Dispatch, type SetStateAction, useState } from 'react';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { FilePicker } from './file-picker';
import { useP } from './i18n';
import {
  type ActionField,
  type DossierWorkspace,
  useUnitOfficers,
  useUnitSearch,
} from './processing-api';

export interface FieldValues {
  reason: string;
  assigneeId: string;
  toUnitCode: string;
  stepWorkingDays: string;
  documents: string;
  amountVnd: string;
  resultFiles: StoredFile[];
  channel: string;
  newDueDate: string;
}

const channels = ['in_person', 'online', 'post'] as const;

/** One input of an action form, labelled, with its hint and its error next to it. */
export function ActionFieldInput({
  field,
  inputId,
  ws,
  required,
  values,
  setValues,
  error,
}: {
  field: ActionField;
  inputId: string;
  ws: DossierWorkspace;
  required: boolean;
  values: FieldValues;
  setValues: Dispatch<SetStateAction<FieldValues>>;
  error: string | null;
}) {
  const { t } = useP();
  const set = (key: keyof FieldValues, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const hint = hintFor(field, t);
  const describedBy = [hint ? hintId : '', error ? errorId : ''].join(' ').trim() || undefined;
  const common = {
    id: inputId,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
    'data-testid': `field-${field}`,
  } as const;
  const label = (
    <>
      {t(`action.field.${field}`)}{' '}
      {required ? (
        <span className="proc-required">{t('common.required')}</span>
      ) : (
        <span className="muted">{t('common.optional')}</span>
      )}
    </>
  );
  const head = (
    <>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </>
  );

  if (field === 'resultFileId') {
    return (
      <FilePicker
        bundleId={`result:${ws.id}`}
        purpose="result"
        multiple={false}
        files={values.resultFiles}
        onChange={(update) => setValues((v) => ({ ...v, resultFiles: update(v.resultFiles) }))}
        label={`${t('action.field.resultFileId')} ${required ? t('common.required') : t('common.optional')}`}
        hint={hint ?? undefined}
        error={error}
        testId="field-resultFileId"
      />
    );
  }

  if (field === 'channel') {
    return (
      <fieldset className={`field proc-fieldset${error ? ' field--error' : ''}`} id={inputId}>
        <legend className="label">{label}</legend>
        {head}
        {channels.map((c) => (
          <label key={c} className="checkbox proc-radio">
            <input
              type="radio"
              name={`${inputId}-channel`}
              value={c}
              checked={values.channel === c}
              onChange={() => set('channel', c)}
              data-testid={`field-channel-${c}`}
            />
            <span>{t(`resultChannel.${c}`)}</span>
          </label>
        ))}
      </fieldset>
    );
  }

  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="label" htmlFor={inputId}>
        {label}
      </label>
      {head}
      {field === 'reason' || field === 'documents' ? (
        <textarea
          {...common}
          className="input textarea"
          rows={field === 'documents' ? 4 : 3}
          maxLength={field === 'reason' ? 2000 : 9000}
          value={values[field]}
          onChange={(e) => set(field, e.target.value)}
        />
      ) : field === 'assigneeId' ? (
        <AssigneeSelect
          common={common}
          unitCode={ws.handlingUnit.code}
          value={values.assigneeId}
          onChange={(v) => set('assigneeId', v)}
        />
      ) : field === 'toUnitCode' ? (
        <UnitPicker
          common={common}
          exclude={ws.handlingUnit.code}
          value={values.toUnitCode}
          onChange={(v) => set('toUnitCode', v)}
        />
      ) : field === 'newDueDate' ? (
        <input
          {...common}
          type="date"
          className="input input--medium"
          value={values.newDueDate}
          onChange={(e) => set('newDueDate', e.target.value)}
        />
      ) : (
        <input
          {...common}
          className="input input--medium"
          inputMode="numeric"
          value={values[field as 'stepWorkingDays' | 'amountVnd']}
          onChange={(e) => set(field as 'stepWorkingDays' | 'amountVnd', e.target.value)}
        />
      )}
    </div>
  );
}

function hintFor(field: ActionField, t: ReturnType<typeof useP>['t']): string | null {
  switch (field) {
    case 'reason':
      return t('action.hint.reason');
    case 'documents':
      return t('action.hint.documents');
    case 'stepWorkingDays':
      return t('action.hint.stepWorkingDays');
    case 'amountVnd':
      return t('action.hint.amountVnd');
    case 'resultFileId':
      return t('action.hint.resultFileId');
    case 'newDueDate':
      return t('action.hint.newDueDate');
    default:
      return null;
  }
}

type Common = Record<string, unknown> & { id: string };

function AssigneeSelect({
  common,
  unitCode,
  value,
  onChange,
}: {
  common: Common;
  unitCode: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useP();
  const officers = useUnitOfficers(unitCode);
  const specialists = (officers.data?.items ?? []).filter((o) => o.roles.includes('specialist'));
  return (
    <select {...common} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{officers.isPending ? t('common.loading') : t('assign.choose')}</option>
      {specialists.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}

/** Search any unit by name (`/api/units?q=`) and pick one; the picked one is shown with its code. */
function UnitPicker({
  common,
  exclude,
  value,
  onChange,
}: {
  common: Common;
  exclude: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useP();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const q = useDebouncedValue(text, 300);
  const found = useUnitSearch(q, q.trim().length >= 2 && !value);
  const items = (found.data?.items ?? []).filter((u) => u.code !== exclude);

  if (value) {
    return (
      <p className="proc-chosen">
        <strong>{picked ?? value}</strong> <span className="muted">({value})</span>{' '}
        <button
          type="button"
          id={common.id}
          className="btn btn--secondary btn--small"
          onClick={() => {
            onChange('');
            setPicked(null);
          }}
        >
          {t('action.changeUnit')}
        </button>
      </p>
    );
  }
  return (
    <>
      <input
        {...common}
        type="search"
        className="input"
        value={text}
        placeholder={t('action.unitPlaceholder')}
        onChange={(e) => setText(e.target.value)}
      />
      {q.trim().length >= 2 ? (
        <ul className="proc-options" aria-label={t('action.unitResults')}>
          {items.length === 0 && !found.isFetching ? (
            <li className="muted">{t('action.unitNone')}</li>
          ) : null}
          {items.map((u) => (
            <li key={u.code}>
              <button
                type="button"
                className="proc-option"
                onClick={() => {
                  setPicked(u.fullName);
                  onChange(u.code);
                }}
                data-testid="unit-option"
              >
                <span>{u.fullName}</span>
                <span className="muted">{u.code}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
