import { useId, useState } from 'react';
import { ApiClientError } from '../../lib/api';
import { useP } from './i18n';
import {
  type BulkAssignResult,
  useBulkAssign,
  useUnitOfficers,
  type WorkQueueItem,
} from './processing-api';

/** Bulk "Phân công": the selected dossiers to one specialist; the answer says which went through. */
export function AssignPanel({
  unitCode,
  selected,
  onDone,
  onClear,
}: {
  unitCode: string;
  selected: WorkQueueItem[];
  onDone: (okIds: string[]) => void;
  onClear: () => void;
}) {
  const { t } = useP();
  const id = useId();
  const officers = useUnitOfficers(selected.length > 0 ? unitCode : null);
  const assign = useBulkAssign();
  const [assigneeId, setAssigneeId] = useState('');
  const [days, setDays] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [report, setReport] = useState<{ result: BulkAssignResult; codes: Map<string, string> }>();

  const specialists = (officers.data?.items ?? []).filter((o) => o.roles.includes('specialist'));

  const submit = () => {
    setProblem(null);
    if (!assigneeId) {
      setProblem(t('assign.pickRequired'));
      return;
    }
    const stepWorkingDays = days ? Number(days) : undefined;
    const codes = new Map(selected.map((s) => [s.id, s.code ?? s.reference]));
    assign.mutate(
      {
        assigneeId,
        stepWorkingDays,
        items: selected.map((s) => ({ id: s.id, expectedRowVersion: s.rowVersion })),
      },
      {
        onSuccess: (result) => {
          setReport({ result, codes });
          onDone(result.items.filter((i) => i.ok).map((i) => i.id));
        },
        onError: (e) =>
          setProblem(e instanceof ApiClientError ? e.message : t('common.unexpected')),
      },
    );
  };

  const okCount = report?.result.items.filter((i) => i.ok).length ?? 0;

  return (
    <>
      {selected.length > 0 ? (
        <section className="proc-assign" aria-labelledby={`${id}-h`} data-testid="assign-panel">
          <h2 id={`${id}-h`} className="proc-assign__title">
            {t('assign.heading', { count: selected.length })}
          </h2>
          <div className="proc-assign__row">
            <div className={`field${problem ? ' field--error' : ''}`}>
              <label className="label" htmlFor={`${id}-who`}>
                {t('assign.assignee')}
              </label>
              {problem ? (
                <p className="field__error" id={`${id}-err`}>
                  {problem}
                </p>
              ) : null}
              <select
                id={`${id}-who`}
                className="select"
                value={assigneeId}
                onChange={(e) => setAssigneeId(e.target.value)}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-err` : undefined}
                data-testid="assign-assignee"
              >
                <option value="">
                  {officers.isPending ? t('common.loading') : t('assign.choose')}
                </option>
                {specialists.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="label" htmlFor={`${id}-days`}>
                {t('action.field.stepWorkingDays')}{' '}
                <span className="muted">{t('common.optional')}</span>
              </label>
              <input
                id={`${id}-days`}
                className="input input--short"
                type="number"
                inputMode="numeric"
                min={1}
                max={120}
                value={days}
                onChange={(e) => setDays(e.target.value)}
              />
            </div>
            <div className="proc-assign__buttons">
              <button
                type="button"
                className="btn btn--primary"
                onClick={submit}
                disabled={assign.isPending}
                data-testid="assign-submit"
              >
                {assign.isPending ? t('common.sending') : t('assign.submit')}
              </button>
              <button type="button" className="btn btn--quiet" onClick={onClear}>
                {t('assign.clear')}
              </button>
            </div>
          </div>
        </section>
      ) : null}
      <div role="status" aria-live="polite">
        {report ? (
          <div
            className={`notice ${okCount === report.result.items.length ? 'notice--ok' : 'notice--warning'}`}
            data-testid="assign-report"
          >
            <p className="notice__title">
              {t('assign.report', { ok: okCount, total: report.result.items.length })}
            </p>
            <ul className="proc-report">
              {report.result.items.map((item) => (
                <li key={item.id}>
                  <strong>{report.codes.get(item.id) ?? item.id}</strong>:{' '}
                  {item.ok ? (
                    <span>✓ {t('assign.itemOk')}</span>
                  ) : (
                    <span className="proc-report__error">⚠ {item.error?.message}</span>
                  )}
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="btn btn--quiet btn--small"
              onClick={() => setReport(undefined)}
            >
              {t('common.close')}
            </button>
          </div>
        ) : null}
      </div>
    </>
  );
}
