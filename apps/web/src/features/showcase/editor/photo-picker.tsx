import type { ShowcaseImage } from '@cqs/shared';
import { useId, useRef, useState } from 'react';
import { ErrorMessage } from '../../../components/error-message';
import { type UploadPhase, uploadShowcasePhoto } from './editor-api';
import { useEt } from './i18n';

const ACCEPT = 'image/jpeg,image/png,.jpg,.jpeg,.png';

/**
 * Photos for one place of the page (the cover, the gallery, a product, a person): the chosen ones
 * with a button to take each out, an upload with its progress, and the commune's earlier uploads
 * to pick from. `max` 1 makes it a single choice.
 */
export function PhotoPicker({
  code,
  what,
  selected,
  max,
  images,
  onAdd,
  onRemove,
  onUploaded,
  testId,
  hideChosen = false,
}: {
  code: string;
  /** What the photo is of, for labels ("Ảnh bìa", "Sản phẩm 2: Cà phê"). */
  what: string;
  selected: string[];
  max: number;
  images: Map<string, ShowcaseImage>;
  onAdd: (id: string) => void;
  onRemove: (id: string) => void;
  onUploaded: (image: ShowcaseImage) => void;
  testId?: string;
  /** The caller lists the chosen photos itself (the gallery, with captions). */
  hideChosen?: boolean;
}) {
  const { t } = useEt();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<{ phase: UploadPhase; fraction: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const full = selected.length >= max;
  const choices = [...images.values()].filter((img) => !selected.includes(img.id));

  const upload = async (file: File | undefined) => {
    if (input.current) input.current.value = '';
    if (!file) return;
    setError(null);
    setNote('');
    if (!/^image\/(jpeg|png)$/.test(file.type)) {
      setNote(t('photo.notImage', { name: file.name }));
      return;
    }
    try {
      const image = await uploadShowcasePhoto(code, file, (p, fraction) =>
        setPhase({ phase: p, fraction }),
      );
      onUploaded(image);
      onAdd(image.id);
      setNote(t('photo.done'));
    } catch (e) {
      setError(e);
    } finally {
      setPhase(null);
    }
  };

  return (
    <div className="sce-photos" data-testid={testId}>
      {hideChosen ? null : selected.length ? (
        <ul className="sce-photos__chosen">
          {selected.map((imageId, i) => {
            const image = images.get(imageId);
            return (
              <li key={imageId} className="sce-photo">
                {image ? (
                  <img
                    src={image.thumb.url}
                    width={image.thumb.width}
                    height={image.thumb.height}
                    alt={`${what} (${i + 1})`}
                    loading="lazy"
                  />
                ) : null}
                <button
                  type="button"
                  className="btn btn--secondary btn--small"
                  onClick={() => onRemove(imageId)}
                  aria-label={t('photo.removeNamed', { what: `${what} (${i + 1})` })}
                >
                  {t('photo.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted sce-photos__none">{t('photo.none')}</p>
      )}

      {full ? (
        max !== 1 ? (
          <p className="hint">{t('photo.full')}</p>
        ) : null
      ) : (
        <div className="sce-photos__add">
          <label className="btn btn--secondary sce-upload" htmlFor={`${id}-file`}>
            {t('photo.upload')}
            <span className="visually-hidden">: {what}</span>
          </label>
          <input
            ref={input}
            id={`${id}-file`}
            className="sce-upload__input"
            type="file"
            accept={ACCEPT}
            disabled={phase !== null}
            onChange={(e) => void upload(e.target.files?.[0])}
            data-testid={testId ? `${testId}-file` : undefined}
          />
          {choices.length ? (
            <details className="sce-choose">
              <summary>{t('photo.choose', { n: choices.length })}</summary>
              <fieldset className="sce-choose__grid">
                <legend className="visually-hidden">{t('photo.chooseHeading')}</legend>
                {choices.map((img, i) => (
                  <button
                    key={img.id}
                    type="button"
                    className="sce-choose__item"
                    onClick={() => onAdd(img.id)}
                    aria-label={`${t('photo.pick', { n: i + 1 })} — ${what}`}
                  >
                    <img
                      src={img.thumb.url}
                      width={img.thumb.width}
                      height={img.thumb.height}
                      alt=""
                      loading="lazy"
                    />
                  </button>
                ))}
              </fieldset>
            </details>
          ) : null}
        </div>
      )}

      <div aria-live="polite" className="sce-photos__status">
        {phase ? (
          <>
            <span id={`${id}-progress`}>{t(`photo.${phase.phase}`)}</span>
            {phase.phase === 'uploading' ? (
              <progress
                className="sce-progress"
                max={100}
                value={Math.round(phase.fraction * 100)}
                aria-labelledby={`${id}-progress`}
              />
            ) : null}
          </>
        ) : (
          note
        )}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
