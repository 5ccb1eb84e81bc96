import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { ApiClientError } from '../../lib/api';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useR } from './i18n';
import { ResultRecord, TechnicalDetails, VerifyAnswerBox } from './result-parts';
import { usePublicResult, useVerifyFile } from './results-api';
import './results.css';

/**
 * `/xac-minh/:id` (from the QR code on a result) shows the record and checks a file against it;
 * `/xac-minh` checks any file. Public: no sign-in, nothing about the applicant.
 */
export function VerifyResultPage() {
  const { t } = useR();
  useDocumentTitle(t('title'));
  const { id } = useParams();
  const record = usePublicResult(id);
  const notFound =
    record.error instanceof ApiClientError &&
    (record.error.code === 'RESULT_NOT_FOUND' || record.error.code === 'VALIDATION_FAILED');

  return (
    <div className="results-verify">
      <h1>{t('title')}</h1>
      <p className="lead">{id ? t('lead') : t('leadNoId')}</p>
      {id ? (
        record.isPending ? (
          <Loading />
        ) : notFound ? (
          <div className="notice notice--warning" role="alert" data-testid="result-not-found">
            <h2 className="notice__title">{t('notFoundTitle')}</h2>
            <p>{t('notFoundText')}</p>
          </div>
        ) : record.isError ? (
          <ErrorMessage error={record.error} onRetry={() => void record.refetch()} />
        ) : (
          <ResultRecord result={record.data} headingId="result-heading" />
        )
      ) : null}
      <FileCheck resultId={record.data ? id : undefined} />
      {record.data ? <TechnicalDetails result={record.data} /> : null}
      {!id ? <p className="hint">{t('noId')}</p> : null}
    </div>
  );
}

function FileCheck({ resultId }: { resultId: string | undefined }) {
  const { t } = useR();
  const verify = useVerifyFile();
  const [file, setFile] = useState<File | null>(null);
  const [checkedName, setCheckedName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);

  // Move focus to the answer so a screen reader reads it out at once.
  useEffect(() => {
    if (verify.isSuccess || verify.isError) answerRef.current?.focus();
  }, [verify.isSuccess, verify.isError]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    verify.reset();
    if (!file) {
      setError(t('check.fileRequired'));
      inputRef.current?.focus();
      return;
    }
    setError(null);
    setCheckedName(file.name);
    verify.mutate({ file, ...(resultId ? { resultId } : {}) });
  }

  const heading = resultId ? t('check.heading') : t('check.headingNoId');
  return (
    <section className="result-check" aria-labelledby="check-heading">
      <h2 id="check-heading">{heading}</h2>
      <form noValidate onSubmit={onSubmit} className="form" aria-labelledby="check-heading">
        <div className={`field${error ? ' field--error' : ''}`}>
          <label className="label" htmlFor="check-file">
            {t('check.file')}
          </label>
          <p className="hint" id="check-file-hint">
            {t('check.fileHint')}
          </p>
          {error ? (
            <p className="field__error" id="check-file-error">
              {error}
            </p>
          ) : null}
          <input
            ref={inputRef}
            id="check-file"
            type="file"
            accept="application/pdf,.pdf"
            className="input result-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
              verify.reset();
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={`check-file-hint${error ? ' check-file-error' : ''}`}
            data-testid="check-file"
          />
        </div>
        <button
          type="submit"
          className="btn btn--primary"
          disabled={verify.isPending}
          data-testid="check-submit"
        >
          {verify.isPending ? t('check.checking') : t('check.submit')}
        </button>
      </form>
      <div ref={answerRef} tabIndex={-1} className="result-answer" aria-live="polite">
        {verify.isError ? <ErrorMessage error={verify.error} /> : null}
        {verify.data ? <VerifyAnswerBox answer={verify.data} fileName={checkedName} /> : null}
        {verify.data?.genuine && !resultId ? (
          <ResultRecord result={verify.data.result} headingId="checked-result-heading" />
        ) : null}
      </div>
    </section>
  );
}
