import type { StoredFile } from '@cqs/shared';
import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiClientError } from '../../lib/api';
import { ActionFieldInput, type FieldValues } from './action-fields';
import { useP } from './i18n';
import {
  type ActionField,
  type AllowedAction,
  type DossierActionBody,
  type DossierWorkspace,
  useDossierAction,
} from './processing-api';

// The API's error codes that belong to one input of the action form.
const codeToField: Record<string, ActionField> = {
  REASON_REQUIRED: 'reason',
  RESULT_REQUIRED: 'resultFileId',
  RESULT_FILE_INVALID: 'resultFileId',
  ASSIGNEE_INVALID: 'assigneeId',
  TRANSFER_UNIT_INVALID: 'toUnitCode',
  AMOUNT_REQUIRED: 'amountVnd',
  RETURN_CHANNEL_REQUIRED: 'channel',
  NEW_DUE_DATE_REQUIRED: 'newDueDate',
  NEW_DUE_DATE_NOT_WORKING_DAY: 'newDueDate',
};

const emptyValues: FieldValues = {
  reason: '',
  assigneeId: '',
  toUnitCode: '',
  stepWorkingDays: '',
  documents: '',
  amountVnd: '',
  resultFiles: [] as StoredFile[],
  channel: '',
  newDueDate: '',
};

/** One button per action the officer may take now; the chosen one asks only for its fields. */
export function ActionsPanel({
  ws,
  onDone,
  onConflict,
}: {
  ws: DossierWorkspace;
  onDone: (action: AllowedAction) => void;
  onConflict: (message: string) => void;
}) {
  const { t } = useP();
  const [chosen, setChosen] = useState<AllowedAction | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  return (
    <section
      className="ws-section ws-actions"
      aria-labelledby="ws-actions"
      data-testid="ws-actions"
    >
      <h2 id="ws-actions">{t('action.heading')}</h2>
      {ws.allowedActions.length === 0 ? (
        <p className="muted" data-testid="ws-no-actions">
          {t('action.none')}
        </p>
      ) : (
        <ul className="ws-actions__list" ref={listRef}>
          {ws.allowedActions.map((a) => (
            <li key={a.name}>
              <button
                type="button"
                className={`btn btn--small ${chosen?.name === a.name ? 'btn--primary' : 'btn--secondary'}`}
                aria-expanded={chosen?.name === a.name}
                onClick={() => setChosen(chosen?.name === a.name ? null : a)}
                data-testid={`action-${a.name}`}
              >
                {a.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen ? (
        <ActionForm
          key={chosen.name}
          ws={ws}
          action={chosen}
          onCancel={() => {
            setChosen(null);
            listRef.current?.querySelector('button')?.focus();
          }}
          onDone={onDone}
          onConflict={onConflict}
        />
      ) : null}
    </section>
  );
}

function ActionForm({
  ws,
  action,
  onCancel,
  onDone,
  onConflict,
}: {
  ws: DossierWorkspace;
  action: AllowedAction;
  onCancel: () => void;
  onDone: (action: AllowedAction) => void;
  onConflict: (message: string) => void;
}) {
  const { t } = useP();
  const id = useId();
  const send = useDossierAction(ws.id);
  const [values, setValues] = useState<FieldValues>(emptyValues);
  const [errors, setErrors] = useState<Partial<Record<ActionField, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const isRequired = (f: ActionField) => action.required.includes(f);

  const validate = () => {
    const found: Partial<Record<ActionField, string>> = {};
    for (const f of action.required) {
      const missing =
        f === 'resultFileId'
          ? values.resultFiles.length === 0
          : f === 'documents'
            ? lines(values.documents).length === 0
            : !String(values[f]).trim();
      if (missing) found[f] = t(`action.required.${f}`);
    }
    if (values.stepWorkingDays && !/^\d{1,3}$/.test(values.stepWorkingDays))
      found.stepWorkingDays = t('action.invalid.stepWorkingDays');
    if (values.amountVnd && !/^\d+$/.test(values.amountVnd.replace(/[.\s]/g, '')))
      found.amountVnd = t('action.invalid.amountVnd');
    return found;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    setGeneral(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      window.setTimeout(() => alertRef.current?.focus(), 0);
      return;
    }
    const has = (f: ActionField) => action.fields.includes(f);
    const body: DossierActionBody = {
      action: action.name,
      expectedRowVersion: ws.rowVersion,
      reason: has('reason') && values.reason.trim() ? values.reason.trim() : undefined,
      assigneeId: has('assigneeId') && values.assigneeId ? values.assigneeId : undefined,
      toUnitCode: has('toUnitCode') && values.toUnitCode ? values.toUnitCode : undefined,
      stepWorkingDays:
        has('stepWorkingDays') && values.stepWorkingDays
          ? Number(values.stepWorkingDays)
          : undefined,
      documents:
        has('documents') && lines(values.documents).length > 0
          ? lines(values.documents)
          : undefined,
      amountVnd:
        has('amountVnd') && values.amountVnd
          ? Number(values.amountVnd.replace(/[.\s]/g, ''))
          : undefined,
      resultFileId: has('resultFileId') ? values.resultFiles[0]?.id : undefined,
      channel:
        has('channel') && values.channel
          ? (values.channel as NonNullable<DossierActionBody['channel']>)
          : undefined,
      newDueDate: has('newDueDate') && values.newDueDate ? values.newDueDate : undefined,
    };
    send.mutate(body, {
      onSuccess: () => onDone(action),
      onError: (e) => {
        if (!(e instanceof ApiClientError)) {
          setGeneral(t('common.unexpected'));
          return;
        }
        if (e.code === 'DOSSIER_CHANGED' || e.code === 'ACTION_NOT_ALLOWED_IN_STATE') {
          onConflict(e.message);
          return;
        }
        const fieldErrors: Partial<Record<ActionField, string>> = {};
        for (const f of e.fields) {
          const key = f.path as ActionField;
          if (action.fields.includes(key)) fieldErrors[key] = f.message;
        }
        const mapped = codeToField[e.code];
        if (mapped && action.fields.includes(mapped)) fieldErrors[mapped] = e.message;
        setErrors(fieldErrors);
        if (Object.keys(fieldErrors).length === 0 || !mapped) setGeneral(e.message);
        window.setTimeout(() => alertRef.current?.focus(), 0);
      },
    });
  };

  const errorList = action.fields.flatMap((f) => (errors[f] ? [[f, errors[f]] as const] : []));
  return (
    <form
      noValidate
      onSubmit={submit}
      className="ws-action-form"
      aria-labelledby={`${id}-title`}
      data-testid="action-form"
    >
      <h3 id={`${id}-title`}>{action.label}</h3>
      {action.fields.length === 0 ? <p>{t('action.confirm', { action: action.label })}</p> : null}
      <div ref={alertRef} tabIndex={-1}>
        {errorList.length > 0 || general ? (
          <div className="notice notice--error" role="alert" data-testid="action-error">
            {general ? <p>{general}</p> : null}
            {errorList.length > 0 ? (
              <ul className="notice__list">
                {errorList.map(([f, m]) => (
                  <li key={f}>
                    <a href={`#${id}-${f}`}>{m}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      {action.fields.map((f) => (
        <ActionFieldInput
          key={f}
          field={f}
          inputId={`${id}-${f}`}
          ws={ws}
          required={isRequired(f)}
          values={values}
          setValues={(update) => {
            // Editing a field clears its error (and its line in the summary).
            setValues(update);
            setErrors((e) => (e[f] ? { ...e, [f]: undefined } : e));
          }}
          error={errors[f] ?? null}
        />
      ))}
      <div className="button-row">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={send.isPending}
          data-testid="action-submit"
        >
          {send.isPending ? t('common.sending') : t('action.submit', { action: action.label })}
        </button>
        <button type="button" className="btn btn--quiet" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
      {action.form ? (
        <p className="hint">
          {t('action.formHint', { form: t(`form.${action.form}` as 'form.01') })}
        </p>
      ) : null}
    </form>
  );
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
