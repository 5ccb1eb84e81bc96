import type { StoredFile } from '@cqs/shared';
import { useId, useRef, useState } from 'react';
import { ApiClientError, api } from '../../lib/api';
import { uploadFile } from '../../lib/upload-file';
import { formatSize } from './format';
import { useP } from './i18n';

interface Pending {
  key: string;
  name: string;
  progress: number;
  abort: () => void;
}

/**
 * Upload PDF/JPEG/PNG files into one bundle, several at a time, each with its progress and a
 * "remove" button. The parent keeps the stored files (their ids go into the request).
 */
export function FilePicker({
  bundleId,
  purpose,
  files,
  onChange,
  multiple = true,
  label,
  hint,
  error,
  testId,
}: {
  bundleId: string;
  purpose: string;
  files: StoredFile[];
  onChange: (update: (files: StoredFile[]) => StoredFile[]) => void;
  multiple?: boolean;
  label: string;
  hint?: string;
  error?: string | null;
  testId?: string;
}) {
  const { t } = useP();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const shownError = problem ?? error ?? null;

  const pick = (list: FileList | null) => {
    if (!list) return;
    setProblem(null);
    for (const file of Array.from(list)) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      const upload = uploadFile(bundleId, purpose, file, (progress) =>
        setPending((p) => p.map((x) => (x.key === key ? { ...x, progress } : x))),
      );
      setPending((p) => [...p, { key, name: file.name, progress: 0, abort: upload.abort }]);
      upload.promise
        .then((stored) => onChange((prev) => (multiple ? [...prev, stored] : [stored])))
        .catch((e: unknown) => {
          if (e instanceof DOMException && e.name === 'AbortError') return;
          setProblem(
            `${file.name}: ${e instanceof ApiClientError ? e.message : t('common.unexpected')}`,
          );
        })
        .finally(() => setPending((p) => p.filter((x) => x.key !== key)));
    }
    if (input.current) input.current.value = '';
  };

  const remove = (file: StoredFile) => {
    onChange((prev) => prev.filter((f) => f.id !== file.id));
    // Unattached uploads are the uploader's to delete; a failure only leaves an orphan file.
    void api(`/api/files/${encodeURIComponent(file.id)}`, { method: 'DELETE' }).catch(() => {});
  };

  return (
    <div className={`field proc-files${shownError ? ' field--error' : ''}`} data-testid={testId}>
      <p className="label" id={`${id}-label`}>
        {label}
      </p>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {shownError ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {shownError}
        </p>
      ) : null}
      {files.length > 0 ? (
        <ul className="proc-files__list" aria-labelledby={`${id}-label`}>
          {files.map((f) => (
            <li key={f.id} className="proc-files__item">
              <span className="proc-files__name">{f.name}</span>
              <span className="muted">{formatSize(f.size)}</span>
              <button
                type="button"
                className="btn btn--secondary btn--small"
                onClick={() => remove(f)}
                aria-label={t('files.removeNamed', { name: f.name })}
              >
                {t('files.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {pending.map((p) => (
        <div key={p.key} className="proc-files__progress">
          <label htmlFor={`${id}-${p.key}`}>{t('files.uploading', { name: p.name })}</label>
          <progress id={`${id}-${p.key}`} max={1} value={p.progress} />
          <button type="button" className="btn btn--quiet btn--small" onClick={p.abort}>
            {t('files.cancel')}
          </button>
        </div>
      ))}
      {multiple || files.length === 0 ? (
        <label className="btn btn--secondary proc-files__choose">
          <span id={`${id}-choose`}>
            {files.length > 0 ? t('files.addMore') : t('files.choose')}
          </span>
          <input
            ref={input}
            type="file"
            className="visually-hidden"
            multiple={multiple}
            // Named by the field's label and the button's words: "Bản quét giấy tờ, Chọn tệp".
            aria-labelledby={`${id}-label ${id}-choose`}
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            aria-describedby={
              [hint ? `${id}-hint` : '', shownError ? `${id}-error` : ''].join(' ').trim() ||
              undefined
            }
            onChange={(e) => pick(e.target.files)}
            data-testid={testId ? `${testId}-input` : undefined}
          />
        </label>
      ) : null}
    </div>
  );
}
