import type { DraftView, FormDocument, FormSchema } from '@cqs/shared';
import { isFormFieldVisible } from '@cqs/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiClientError } from '../../lib/api';
import { queryClient } from '../../lib/query-client';
import { type Answers, formatBytes, visibleFields } from './flow';
import { deleteFile, draftKey, type Upload, uploadFile } from './submit-api';

/**
 * One block per document the answers make relevant. Files go straight to the server (bound to the
 * draft), so a reload or another device shows them too.
 */
export function UploadsStep({
  draft,
  form,
  answers,
  onNext,
}: {
  draft: DraftView;
  form: FormSchema;
  answers: Answers;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState<string[]>([]);
  const summary = useRef<HTMLDivElement>(null);
  // Documents' conditions refer to top-level answers that are visible.
  const visible = visibleFields(form, answers);
  const shownAnswers = Object.fromEntries(Object.entries(answers).filter(([k]) => visible.has(k)));
  const documents = form.documents.filter((d) => isFormFieldVisible(d, shownAnswers));
  const uploads = draft.uploads;

  const next = () => {
    const lacking = documents
      .filter((d) => d.required && !uploads.some((u) => u.purpose === d.id))
      .map((d) => d.id);
    setMissing(lacking);
    if (lacking.length === 0) onNext();
    else window.setTimeout(() => summary.current?.focus(), 0);
  };

  return (
    <div data-testid="step-uploads">
      {missing.length ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={summary}>
          <h2 className="notice__title">{t('submit.errorSummary')}</h2>
          <ul className="notice__list">
            {missing.map((id) => (
              <li key={id}>
                <a href={`#doc-${id}`}>
                  {t('submit.upload.missing', {
                    name: documents.find((d) => d.id === id)?.name.vi ?? id,
                  })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h1>{t('submit.pages.giay-to')}</h1>
      <p className="lead">{t('submit.upload.lead')}</p>
      <p className="hint">{t('submit.upload.formats')}</p>
      {documents.length === 0 ? <p>{t('submit.upload.none')}</p> : null}
      {documents.map((doc) => (
        <DocumentBlock
          key={doc.id}
          draftId={draft.id}
          doc={doc}
          uploads={uploads.filter((u) => u.purpose === doc.id)}
          missing={missing.includes(doc.id)}
        />
      ))}
      <div className="button-row">
        <button
          type="button"
          className="btn btn--primary btn--big"
          onClick={next}
          data-testid="step-next"
        >
          {t('submit.next')}
        </button>
      </div>
    </div>
  );
}

function setUploads(draftId: string, update: (list: Upload[]) => Upload[]) {
  queryClient.setQueryData<DraftView>(draftKey(draftId), (d) =>
    d ? { ...d, uploads: update(d.uploads) } : d,
  );
}

function DocumentBlock({
  draftId,
  doc,
  uploads,
  missing,
}: {
  draftId: string;
  doc: FormDocument;
  uploads: Upload[];
  missing: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const id = `doc-${doc.id}`;
  const counts = [
    doc.originals ? t('procedure.originals', { count: doc.originals }) : null,
    doc.copies ? t('procedure.copies', { count: doc.copies }) : null,
  ].filter(Boolean);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const stored = await uploadFile(draftId, doc.id, file, setProgress).promise;
      setUploads(draftId, (list) => [
        ...list,
        { id: stored.id, purpose: doc.id, name: stored.name, size: stored.size },
      ]);
    } catch (e) {
      setError(e instanceof ApiClientError ? e.message : t('errors.unexpected'));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (upload: Upload) => {
    setRemoving(upload.id);
    setError(null);
    try {
      await deleteFile(upload.id);
      setUploads(draftId, (list) => list.filter((u) => u.id !== upload.id));
    } catch (e) {
      setError(e instanceof ApiClientError ? e.message : t('errors.unexpected'));
    } finally {
      setRemoving(null);
    }
  };

  const problem = error ?? (missing ? t('submit.upload.missingShort') : null);
  return (
    <section
      className={`submit-doc${problem ? ' field--error' : ''}`}
      aria-labelledby={`${id}-name`}
      id={id}
      tabIndex={-1}
      data-testid={`doc-${doc.id}`}
    >
      <h2 className="submit-doc__name" id={`${id}-name`}>
        {doc.name[lang]}
      </h2>
      <p className="submit-doc__meta">
        {doc.required ? (
          <strong className="tag tag--required">{t('submit.upload.required')}</strong>
        ) : (
          <span className="tag">{t('submit.upload.optional')}</span>
        )}
        {counts.length ? (
          <span>{t('submit.upload.paper', { counts: counts.join(', ') })}</span>
        ) : null}
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
                disabled={removing === u.id}
                aria-label={t('submit.upload.removeNamed', { name: u.name })}
              >
                {removing === u.id ? t('submit.upload.removing') : t('submit.upload.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {progress !== null ? (
        <div className="submit-progress">
          <label htmlFor={`${id}-progress`}>{t('submit.upload.uploading')}</label>
          <progress id={`${id}-progress`} max={1} value={progress} />
        </div>
      ) : (
        <label className="btn btn--secondary submit-upload">
          {uploads.length ? t('submit.upload.addAnother') : t('submit.upload.choose')}
          <input
            ref={input}
            type="file"
            className="visually-hidden"
            accept="application/pdf,image/jpeg,image/png"
            aria-describedby={problem ? `${id}-error` : undefined}
            onChange={(e) => void pick(e.target.files?.[0])}
            data-testid={`upload-${doc.id}`}
          />
        </label>
      )}
    </section>
  );
}
