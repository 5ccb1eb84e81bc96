import type { StoredFile, TaskCreate } from '@cqs/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { ApiClientError } from '../../lib/api';
import { useDocumentTitle } from '../../lib/use-document-title';
import { FilePicker } from '../processing/file-picker';
import { vnDay } from '../processing/format';
import { useActiveUnit } from '../processing/use-active-unit';
import { newUuid } from '../processing/uuid';
import { FormField } from './form-field';
import { useTk } from './i18n';
import { priorities, type TaskPriority, useCreateTask, useUnitsBelow } from './tasks-api';
import { canAt } from './tasks-page';
import { UnitPicker } from './unit-picker';
import '../processing/processing.css';
import './tasks.css';

type Field = 'title' | 'description' | 'deadline' | 'workingDays' | 'assignees' | 'attachments';
type Errors = Partial<Record<Field, string>>;

// Domain errors without a field path, placed next to the field they are about.
const codeField: Record<string, Field> = {
  TASK_DEADLINE_REQUIRED: 'deadline',
  TASK_DEADLINE_IN_PAST: 'deadline',
  TASK_DEADLINE_NOT_WORKING_DAY: 'deadline',
  TASK_NO_ASSIGNEE: 'assignees',
  TASK_ASSIGNEE_DUPLICATE: 'assignees',
  TASK_ASSIGNEE_OUT_OF_SCOPE: 'assignees',
  FILE_NOT_FOUND: 'attachments',
};

function fieldOf(path: string): Field | null {
  const head = path.split('.')[0] ?? '';
  if (head === 'assigneeUnitCodes') return 'assignees';
  if (head === 'attachmentIds') return 'attachments';
  return (['title', 'description', 'deadline', 'workingDays'] as string[]).includes(head)
    ? (head as Field)
    : null;
}

/** The API's Vietnamese messages, each next to its field; what is left goes above the form. */
export function apiErrors(error: unknown): { fields: Errors; general: unknown } {
  if (!(error instanceof ApiClientError)) return { fields: {}, general: error };
  const fields: Errors = {};
  for (const f of error.fields) {
    const key = fieldOf(f.path);
    if (key && !fields[key]) fields[key] = f.message;
  }
  const byCode = codeField[error.code];
  if (byCode && !fields[byCode]) fields[byCode] = error.message;
  return { fields, general: Object.keys(fields).length ? null : error };
}

/** "Giao nhiệm vụ mới": title, details, priority, deadline, assignee units, files. */
export function AssignTaskPage() {
  const { t } = useTk();
  useDocumentTitle(t('assign.title'));
  const id = useId();
  const navigate = useNavigate();
  const { unit } = useActiveUnit();
  // One key per form: a double click or a retry after a lost answer assigns the task once.
  const [formKey] = useState(newUuid);
  // Prefill from the address (the dashboard's "Giao nhiệm vụ cho đơn vị này"): ?unit=&title=&description=
  const [params] = useSearchParams();
  const [title, setTitle] = useState(() => (params.get('title') ?? '').slice(0, 200));
  const [description, setDescription] = useState(() =>
    (params.get('description') ?? '').slice(0, 5000),
  );
  const [priority, setPriority] = useState<TaskPriority>('normal');
  const [mode, setMode] = useState<'date' | 'days'>('date');
  const [deadline, setDeadline] = useState('');
  const [workingDays, setWorkingDays] = useState('');
  const [assignees, setAssignees] = useState<string[]>([]);
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  const units = useUnitsBelow(unit?.unitCode ?? '');
  // A field's message goes as soon as the officer changes that field.
  const clear = (...fields: Field[]) =>
    setErrors((e) => {
      if (!fields.some((f) => e[f])) return e;
      const next = { ...e };
      for (const f of fields) delete next[f];
      return next;
    });
  const create = useCreateTask();
  // The unit named in the address is chosen once the units below are known (and only if listed).
  const prefillUnit = params.get('unit');
  const [prefilled, setPrefilled] = useState(false);
  useEffect(() => {
    if (prefilled || !prefillUnit || !units.data) return;
    if (units.data.some((u) => u.code === prefillUnit)) setAssignees([prefillUnit]);
    setPrefilled(true);
  }, [prefilled, prefillUnit, units.data]);

  if (!unit) return <p className="notice notice--warning">{t('common.chooseUnit')}</p>;
  if (!canAt(unit.roles, 'tasks.assign')) {
    return (
      <div className="proc tk">
        <h1>{t('assign.title')}</h1>
        <p className="notice notice--warning" data-testid="tk-not-allowed">
          {t('assign.notAllowed')}
        </p>
      </div>
    );
  }

  const validate = (): Errors => {
    const e: Errors = {};
    if (title.trim().length < 5) e.title = t('assign.required.title');
    if (!description.trim()) e.description = t('assign.required.description');
    if (mode === 'date' && !deadline) e.deadline = t('assign.required.deadline');
    const days = Number(workingDays);
    if (mode === 'days' && !(Number.isInteger(days) && days >= 1 && days <= 365))
      e.workingDays = t('assign.required.workingDays');
    if (assignees.length === 0) e.assignees = t('assign.required.assignees');
    return e;
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const body: TaskCreate = {
      fromUnitCode: unit.unitCode,
      title: title.trim(),
      description: description.trim(),
      priority,
      ...(mode === 'date' ? { deadline } : { workingDays: Number(workingDays) }),
      assigneeUnitCodes: assignees,
      attachmentIds: files.map((f) => f.id),
    };
    create.mutate(
      { body, key: formKey },
      {
        onSuccess: (task) => navigate(`/can-bo/nhiem-vu/${encodeURIComponent(task.id)}`),
        onError: (error) => {
          setErrors(apiErrors(error).fields);
          requestAnimationFrame(() => summaryRef.current?.focus());
        },
      },
    );
  };

  const general = create.isError ? apiErrors(create.error).general : null;
  const listed = Object.entries(errors) as [Field, string][];

  return (
    <div className="proc proc--narrow tk" data-testid="tk-assign">
      <p className="caption">
        <Link to="/can-bo/nhiem-vu?tab=assigned">{t('assign.back')}</Link>
      </p>
      <h1>{t('assign.title')}</h1>
      <p className="lead">{t('assign.lead', { unit: unit.unitName })}</p>
      <div ref={summaryRef} tabIndex={-1}>
        {listed.length ? (
          <div className="notice notice--error" role="alert" data-testid="tk-error-summary">
            <h2 className="notice__title">{t('common.errorSummary')}</h2>
            <ul>
              {listed.map(([field, message]) => (
                <li key={field}>
                  <a href={`#${id}-${field}`}>{message}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : general ? (
          <ErrorMessage error={general} />
        ) : null}
      </div>
      <form onSubmit={submit} noValidate>
        <FormField
          id={`${id}-title`}
          label={t('assign.taskTitle')}
          hint={t('assign.taskTitleHint')}
          error={errors.title}
          required
        >
          <input
            className="input"
            value={title}
            maxLength={200}
            onChange={(e) => {
              setTitle(e.target.value);
              clear('title');
            }}
            data-testid="tk-title"
          />
        </FormField>
        <FormField
          id={`${id}-description`}
          label={t('assign.description')}
          hint={t('assign.descriptionHint')}
          error={errors.description}
          required
        >
          <textarea
            className="textarea"
            rows={6}
            value={description}
            maxLength={5000}
            onChange={(e) => {
              setDescription(e.target.value);
              clear('description');
            }}
            data-testid="tk-description"
          />
        </FormField>
        <FormField id={`${id}-priority`} label={t('assign.priority')}>
          <select
            className="select tk-select"
            value={priority}
            onChange={(e) => setPriority(e.target.value as TaskPriority)}
            data-testid="tk-priority"
          >
            {priorities.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        </FormField>
        <fieldset className="proc-fieldset">
          <legend>{t('assign.deadlineMode')}</legend>
          <label className="proc-radio">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'date'}
              onChange={() => {
                setMode('date');
                clear('deadline', 'workingDays');
              }}
              data-testid="tk-mode-date"
            />{' '}
            {t('assign.byDate')}
          </label>
          <label className="proc-radio">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'days'}
              onChange={() => {
                setMode('days');
                clear('deadline', 'workingDays');
              }}
              data-testid="tk-mode-days"
            />{' '}
            {t('assign.byDays')}
          </label>
          {mode === 'date' ? (
            <FormField
              id={`${id}-deadline`}
              label={t('assign.deadline')}
              hint={t('assign.deadlineHint')}
              error={errors.deadline}
              required
            >
              <input
                type="date"
                className="input input--medium"
                value={deadline}
                min={vnDay(new Date())}
                onChange={(e) => {
                  setDeadline(e.target.value);
                  clear('deadline');
                }}
                data-testid="tk-deadline"
              />
            </FormField>
          ) : (
            <FormField
              id={`${id}-workingDays`}
              label={t('assign.workingDays')}
              hint={t('assign.workingDaysHint')}
              error={errors.workingDays ?? errors.deadline}
              required
            >
              <input
                type="number"
                inputMode="numeric"
                min={1}
                max={365}
                className="input input--short"
                value={workingDays}
                onChange={(e) => {
                  setWorkingDays(e.target.value);
                  clear('deadline', 'workingDays');
                }}
                data-testid="tk-working-days"
              />
            </FormField>
          )}
        </fieldset>
        {units.isError ? (
          <ErrorMessage error={units.error} onRetry={() => units.refetch()} />
        ) : null}
        {units.data && units.data.length === 0 ? (
          <p className="notice notice--warning" data-testid="tk-no-units">
            {t('assign.noUnits')}
          </p>
        ) : null}
        <UnitPicker
          id={`${id}-assignees`}
          units={units.data ?? []}
          chosen={assignees}
          onChange={(codes) => {
            setAssignees(codes);
            clear('assignees');
          }}
          error={errors.assignees}
        />
        <div id={`${id}-attachments`}>
          <FilePicker
            bundleId={`task-upload:${formKey}`}
            purpose="task-attachment"
            files={files}
            onChange={setFiles}
            label={t('assign.attachments')}
            hint={t('assign.attachmentsHint')}
            error={errors.attachments ?? null}
            testId="tk-files"
          />
        </div>
        <button
          type="submit"
          className="btn btn--primary"
          disabled={create.isPending}
          data-testid="tk-submit"
        >
          {create.isPending ? t('assign.sending') : t('assign.submit')}
        </button>
      </form>
    </div>
  );
}
