import { type FormDocument, type FormSchema, isFormFieldVisible } from '@cqs/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiClientError, api } from '../../lib/api';
import { uploadFile } from '../../lib/upload-file';
import { type Answers, formatBytes, visibleFields } from '../submit/flow';
import { type AssistedView, useSetAssisted } from './assisted-api';
import { useAt } from './i18n';

type Upload = AssistedView['uploads'][number];

/**
 * The documents the answers make relevant, photographed or scanned on the member's device. Files
 * are bound to the record (`assisted:<id>`); they move to the dossier when it is submitted.
 */
export function UploadsStep({
  record,
  form,
  answers,
  onNext,
}: {
  record: AssistedView;
  form: FormSchema;
  answers: Answers;
  onNext: () => void;
}) {
  const { t } = useAt();
  const { t: tg } = useTranslation();
  const [missing, setMissing] = useState<string[]>([]);
  const summary = useRef<HTMLDivElement>(null);
  const visible = visibleFields(form, answers);
  const shownAnswers = Object.fromEntries(Object.entries(answers).filter(([k]) => visible.has(k)));
  const documents = form.documents.filter((d) => isFormFieldVisible(d, shownAnswers));

  const next = () => {
    const lacking = documents
      .filter((d) => d.required && !record.uploads.some((u) => u.purpose === d.id))
      .map((d) => d.id);
    setMissing(lacking);
    if (lacking.length === 0) onNext();
    else window.setTimeout(() => summary.current?.focus(), 0);
  };

  return (
    <div data-testid="as-step-uploads">
      {missing.length ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={summary}>
          <h2 className="notice__title">{tg('submit.errorSummary')}</h2>
          <ul className="notice__list">
            {missing.map((id) => (
              <li key={id}>
                <a href={`#doc-${id}`}>
                  {tg('submit.upload.missing', {
                    name: documents.find((d) => d.id === id)?.name.vi ?? id,
                  })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h1>{t('flow.pages.giay-to')}</h1>
      <p className="hint">{tg('submit.upload.formats')}</p>
      {documents.map((doc) => (
        <DocumentBlock
          key={doc.id}
          record={record}
          doc={doc}
          uploads={record.uploads.filter((u) => u.purpose === doc.id)}
          missing={missing.includes(doc.id)}
        />
      ))}
      <div className="button-row">
        <button
          type="button"
          className="btn btn--primary btn--big"
          onClick={next}
          data-testid="as-next"
        >
          {t('flow.next')}
        </button>
      </div>
    </div>
  );
}

function DocumentBlock({
  record,
  doc,
  uploads,
  missing,
}: {
  record: AssistedView;
  doc: FormDocument;
  uploads: Upload[];
  missing: boolean;
}) {
  const { i18n } = useAt();
  const { t: tg } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const setAssisted = useSetAssisted();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = `doc-${doc.id}`;
  const update = (list: Upload[]) => setAssisted({ ...record, uploads: list });

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const stored = await uploadFile(`assisted:${record.id}`, doc.id, file, setProgress).promise;
      update([
        ...record.uploads,
        { id: stored.id, purpose: doc.id, name: stored.name, size: stored.size },
      ]);
    } catch (e) {
      setError(e instanceof ApiClientError ? e.message : tg('errors.unexpected'));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (upload: Upload) => {
    setError(null);
    try {
      await api<void>(`/api/files/${encodeURIComponent(upload.id)}`, { method: 'DELETE' });
      update(record.uploads.filter((u) => u.id !== upload.id));
    } catch (e) {
      setError(e instanceof ApiClientError ? e.message : tg('errors.unexpected'));
    }
  };

  const problem = error ?? (missing ? tg('submit.upload.missingShort') : null);
  return (
    <section
      className={`submit-doc${problem ? ' field--error' : ''}`}
      aria-labelledby={`${id}-name`}
      id={id}
      tabIndex={-1}
    >
      <h2 className="submit-doc__name" id={`${id}-name`}>
        {doc.name[lang]}
      </h2>
      <p className="submit-doc__meta">
        {doc.required ? (
          <strong className="tag tag--required">{tg('submit.upload.required')}</strong>
        ) : (
          <span className="tag">{tg('submit.upload.optional')}</span>
        )}
      </p>
      {problem ? (
        <p className="field__error" id={`${id}-error`} role={error ? 'alert' : undefined}>
          {problem}
        </p>
      ) : null}
      {uploads.length ? (
        <ul className="submit-files">
          {uploads.map((u) => (
            <li key={u.id} className="submit-file">
              <span className="submit-file__name">{u.name}</span>
              <span className="submit-file__size">{formatBytes(u.size, lang)}</span>
              <button
                type="button"
                className="btn btn--secondary btn--small"
                onClick={() => void remove(u)}
                aria-label={tg('submit.upload.removeNamed', { name: u.name })}
              >
                {tg('submit.upload.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {progress !== null ? (
        <div className="submit-progress">
          <label htmlFor={`${id}-progress`}>{tg('submit.upload.uploading')}</label>
          <progress id={`${id}-progress`} max={1} value={progress} />
        </div>
      ) : (
        <label className="btn btn--secondary submit-upload">
          {uploads.length ? tg('submit.upload.addAnother') : tg('submit.upload.choose')}
          <input
            ref={input}
            type="file"
            className="visually-hidden"
            accept="application/pdf,image/jpeg,image/png"
            aria-describedby={problem ? `${id}-error` : undefined}
            onChange={(e) => void pick(e.target.files?.[0])}
            data-testid={`as-upload-${doc.id}`}
          />
        </label>
      )}
    </section>
  );
}
