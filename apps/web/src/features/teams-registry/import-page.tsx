import type { TeamImportPreview, TeamImportResult } from '@cqs/shared';
import { useId, useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useTr } from './i18n';
import { sendImport, templateUrl } from './teams-api';
import { useWorkingUnit } from './teams-page';
import './teams-registry.css';

type Result = TeamImportPreview | TeamImportResult;

/**
 * `/can-bo/to-cong-nghe/nhap`: check a file (nothing written, every error listed by sheet, row and
 * column), then import it in one step, with the upload's progress.
 */
export function ImportPage() {
  const { t } = useTr();
  useDocumentTitle(t('import.title'));
  const id = useId();
  const unit = useWorkingUnit();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [note, setNote] = useState('');

  if (!unit) return <p className="notice">{t('chooseUnit')}</p>;

  const run = async (mode: 'preview' | 'commit') => {
    if (!file) {
      setNote(t('import.noFile'));
      return;
    }
    setNote('');
    setFailure(null);
    setBusy(mode);
    setProgress(0);
    try {
      setResult(await sendImport(mode, unit.code, file, setProgress));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };
  const committed = result && 'status' in result && result.status === 'committed';
  const percent = Math.round(progress * 100);

  return (
    <div className="tr">
      <h1>{t('import.title')}</h1>
      <p className="lead">{t('import.lead')}</p>
      <p>
        <a href={templateUrl} download>
          {t('import.template')}
        </a>
      </p>
      <div className={`field${note ? ' field--error' : ''}`}>
        <label className="label" htmlFor={`${id}-file`}>
          {t('import.file')}
        </label>
        <p className="hint" id={`${id}-hint`}>
          {t('import.fileHint')}
        </p>
        {note ? <p className="field__error">{note}</p> : null}
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setResult(null);
          }}
          data-testid="tr-import-file"
        />
      </div>
      <div className="button-row">
        <button
          type="button"
          className="btn btn--secondary"
          disabled={busy !== null}
          onClick={() => void run('preview')}
          data-testid="tr-import-check"
        >
          {busy === 'preview' ? t('import.checking') : t('import.check')}
        </button>
        <button
          type="button"
          className="btn btn--primary"
          disabled={busy !== null || !result?.ok || Boolean(committed)}
          onClick={() => void run('commit')}
          data-testid="tr-import-commit"
        >
          {busy === 'commit' ? t('import.committing') : t('import.commit')}
        </button>
      </div>
      <div aria-live="polite" className="tr-progress">
        {busy ? (
          <>
            <label htmlFor={`${id}-progress`}>
              {percent < 100 ? t('import.uploaded', { percent }) : t('import.waiting')}
            </label>
            <progress id={`${id}-progress`} max={100} value={percent}>
              {percent}%
            </progress>
          </>
        ) : null}
      </div>
      {failure ? <ErrorMessage error={failure} /> : null}
      {result ? <ImportOutcome result={result} committed={Boolean(committed)} /> : null}
    </div>
  );
}

function ImportOutcome({ result, committed }: { result: Result; committed: boolean }) {
  const { t } = useTr();
  const counts = {
    rows: result.counts.rows,
    teams: result.counts.teamsNew,
    members: result.counts.membersNew,
    activities: result.counts.activities,
  };
  if (committed)
    return (
      <p className="notice tr-ok" role="status" data-testid="tr-import-done">
        {t('import.done', counts)}
      </p>
    );
  if (result.ok)
    return (
      <p className="notice tr-ok" role="status" data-testid="tr-import-ok">
        {t('import.ok', counts)}
      </p>
    );
  return (
    <section className="notice notice--error" data-testid="tr-import-errors">
      <h2 className="notice__title">{t('import.bad', { count: result.errorCount })}</h2>
      <table className="table table--stack">
        <caption className="visually-hidden">{t('import.errorsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.sheet')}</th>
            <th scope="col">{t('import.row')}</th>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {result.errors.map((e) => (
            <tr key={`${e.sheet}-${e.row}-${e.column}-${e.message}`}>
              <td data-label={t('import.sheet')}>{e.sheet}</td>
              <td data-label={t('import.row')}>{e.row}</td>
              <td data-label={t('import.column')}>{e.column}</td>
              <td data-label={t('import.problem')}>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.errorCount > result.errors.length ? (
        <p>{t('import.more', { count: result.errorCount })}</p>
      ) : null}
    </section>
  );
}
