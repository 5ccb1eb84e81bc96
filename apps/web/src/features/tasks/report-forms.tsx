import type { StoredFile } from '@cqs/shared';
import { useId, useState } from 'react';
import { ApiClientError } from '../../lib/api';
import { FilePicker } from '../processing/file-picker';
import { dayToText, vnDay } from '../processing/format';
import { newUuid } from '../processing/uuid';
import { FormField } from './form-field';
import { useTk } from './i18n';
import type { TaskAction, TaskAssignmentDetail } from './tasks-api';

type Kind = 'report' | 'extend' | 'done';

export interface ActionRunner {
  run: (action: TaskAction, done: string) => void;
  pending: boolean;
  error: unknown;
}

/** Errors the report forms show next to a field; every other failure is shown above the page. */
export const fieldCodes = [
  'TASK_PERCENT_OUT_OF_RANGE',
  'FILE_NOT_FOUND',
  'TASK_EXTENSION_NOT_LATER',
  'TASK_DEADLINE_NOT_WORKING_DAY',
  'TASK_DEADLINE_IN_PAST',
];

/** A message for `path` (or for one of `codes`) from the last failed action. */
function problem(error: unknown, path: string, codes: string[] = []): string | undefined {
  if (!(error instanceof ApiClientError)) return undefined;
  return (
    error.fields.find((f) => f.path.split('.')[0] === path)?.message ??
    (codes.includes(error.code) ? error.message : undefined)
  );
}

/**
 * The assignee's actions on its assignment: report progress, ask for an extension, report done.
 * One form at a time, chosen with buttons (aria-expanded says which one is open).
 */
export function ReportPanel({
  assignment,
  runner,
  heading,
}: {
  assignment: TaskAssignmentDetail;
  runner: ActionRunner;
  heading: string;
}) {
  const { t } = useTk();
  const id = useId();
  const [open, setOpen] = useState<Kind | null>('report');
  const kinds: Kind[] = assignment.pendingExtension
    ? ['report', 'done']
    : ['report', 'extend', 'done'];
  return (
    <section
      className="ws-section ws-actions"
      aria-labelledby={`${id}-h`}
      data-testid="tk-report-panel"
    >
      <h2 id={`${id}-h`}>{heading}</h2>
      {assignment.pendingExtension ? (
        <p className="notice" data-testid="tk-extension-pending">
          {t('act.pendingNote', { day: dayToText(assignment.pendingExtension.deadline) })}
        </p>
      ) : null}
      <ul className="ws-actions__list">
        {kinds.map((k) => (
          <li key={k}>
            <button
              type="button"
              className={`btn ${open === k ? 'btn--primary' : 'btn--secondary'}`}
              aria-expanded={open === k}
              aria-controls={`${id}-form`}
              onClick={() => setOpen(open === k ? null : k)}
              data-testid={`tk-open-${k}`}
            >
              {t(`act.${k}`)}
            </button>
          </li>
        ))}
      </ul>
      <div id={`${id}-form`}>
        {open === 'report' ? <ProgressForm assignment={assignment} runner={runner} /> : null}
        {open === 'extend' ? <ExtensionForm assignment={assignment} runner={runner} /> : null}
        {open === 'done' ? <DoneForm assignment={assignment} runner={runner} /> : null}
      </div>
    </section>
  );
}

function ProgressForm({
  assignment,
  runner,
}: {
  assignment: TaskAssignmentDetail;
  runner: ActionRunner;
}) {
  const { t } = useTk();
  const id = useId();
  const [bundle] = useState(newUuid);
  const [percent, setPercent] = useState(String(assignment.percent));
  const [text, setText] = useState('');
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [errors, setErrors] = useState<{ percent?: string; text?: string }>({});
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const n = Number(percent);
    const found = {
      ...(percent.trim() === '' || !Number.isInteger(n) || n < 0 || n > 100
        ? { percent: t('act.required.percent') }
        : {}),
      ...(text.trim() ? {} : { text: t('act.required.text') }),
    };
    setErrors(found);
    if (Object.keys(found).length) return;
    runner.run(
      {
        kind: 'progress',
        assignmentId: assignment.id,
        body: { percent: n, text: text.trim(), attachmentIds: files.map((f) => f.id) },
      },
      t('act.sent.report'),
    );
  };
  return (
    <form className="ws-action-form" onSubmit={submit} noValidate data-testid="tk-progress-form">
      <h3>{t('act.report')}</h3>
      <FormField
        id={`${id}-percent`}
        label={t('act.percent')}
        hint={t('act.percentHint')}
        error={errors.percent ?? problem(runner.error, 'percent', ['TASK_PERCENT_OUT_OF_RANGE'])}
        required
      >
        <input
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={5}
          className="input input--short"
          value={percent}
          onChange={(e) => setPercent(e.target.value)}
          data-testid="tk-percent"
        />
      </FormField>
      <FormField
        id={`${id}-text`}
        label={t('act.text')}
        hint={t('act.textHint')}
        error={errors.text ?? problem(runner.error, 'text')}
        required
      >
        <textarea
          className="textarea"
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="tk-progress-text"
        />
      </FormField>
      <FilePicker
        bundleId={`task-upload:${bundle}`}
        purpose="task-report"
        files={files}
        onChange={setFiles}
        label={t('act.files')}
        error={problem(runner.error, 'attachmentIds', ['FILE_NOT_FOUND']) ?? null}
        testId="tk-progress-files"
      />
      <button
        type="submit"
        className="btn btn--primary"
        disabled={runner.pending}
        data-testid="tk-send-progress"
      >
        {runner.pending ? t('common.sending') : t('act.sendReport')}
      </button>
    </form>
  );
}

function ExtensionForm({
  assignment,
  runner,
}: {
  assignment: TaskAssignmentDetail;
  runner: ActionRunner;
}) {
  const { t } = useTk();
  const id = useId();
  const [deadline, setDeadline] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ deadline?: string; reason?: string }>({});
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = {
      ...(deadline ? {} : { deadline: t('act.required.deadline') }),
      ...(reason.trim().length >= 5 ? {} : { reason: t('act.required.reason') }),
    };
    setErrors(found);
    if (Object.keys(found).length) return;
    runner.run(
      { kind: 'extension', assignmentId: assignment.id, body: { deadline, reason: reason.trim() } },
      t('act.sent.extend'),
    );
  };
  const deadlineCodes = [
    'TASK_EXTENSION_NOT_LATER',
    'TASK_DEADLINE_NOT_WORKING_DAY',
    'TASK_DEADLINE_IN_PAST',
  ];
  return (
    <form className="ws-action-form" onSubmit={submit} noValidate data-testid="tk-extension-form">
      <h3>{t('act.extend')}</h3>
      <FormField
        id={`${id}-deadline`}
        label={t('act.newDeadline')}
        hint={t('act.newDeadlineHint', { day: dayToText(assignment.deadline) })}
        error={errors.deadline ?? problem(runner.error, 'deadline', deadlineCodes)}
        required
      >
        <input
          type="date"
          className="input input--medium"
          value={deadline}
          min={[assignment.deadline, vnDay(new Date())].sort()[1]}
          onChange={(e) => setDeadline(e.target.value)}
          data-testid="tk-extension-deadline"
        />
      </FormField>
      <FormField
        id={`${id}-reason`}
        label={t('act.reason')}
        error={errors.reason ?? problem(runner.error, 'reason')}
        required
      >
        <textarea
          className="textarea"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="tk-extension-reason"
        />
      </FormField>
      <button
        type="submit"
        className="btn btn--primary"
        disabled={runner.pending}
        data-testid="tk-send-extension"
      >
        {runner.pending ? t('common.sending') : t('act.sendExtension')}
      </button>
    </form>
  );
}

function DoneForm({
  assignment,
  runner,
}: {
  assignment: TaskAssignmentDetail;
  runner: ActionRunner;
}) {
  const { t } = useTk();
  const id = useId();
  const [bundle] = useState(newUuid);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [error, setError] = useState<string | undefined>();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError(t('act.required.text'));
    setError(undefined);
    runner.run(
      {
        kind: 'done',
        assignmentId: assignment.id,
        body: { text: text.trim(), attachmentIds: files.map((f) => f.id) },
      },
      t('act.sent.done'),
    );
  };
  return (
    <form className="ws-action-form" onSubmit={submit} noValidate data-testid="tk-done-form">
      <h3>{t('act.done')}</h3>
      <p className="notice notice--warning">{t('act.doneWarning')}</p>
      <FormField
        id={`${id}-text`}
        label={t('act.doneText')}
        hint={t('act.doneHint')}
        error={error ?? problem(runner.error, 'text')}
        required
      >
        <textarea
          className="textarea"
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="tk-done-text"
        />
      </FormField>
      <FilePicker
        bundleId={`task-upload:${bundle}`}
        purpose="task-report"
        files={files}
        onChange={setFiles}
        label={t('act.files')}
        testId="tk-done-files"
      />
      <button
        type="submit"
        className="btn btn--primary"
        disabled={runner.pending}
        data-testid="tk-send-done"
      >
        {runner.pending ? t('common.sending') : t('act.sendDone')}
      </button>
    </form>
  );
}
