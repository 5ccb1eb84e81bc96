import { FEEDBACK_MAX_PHOTOS } from '@cqs/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { PHOTO_MAX_MB, PHOTO_TYPES } from './draft';
import { useFeedbackT } from './feedback-i18n';

/**
 * Up to 5 JPG/PNG photos, checked here for type and size (the API checks again: magic bytes,
 * size, metadata removed) and sent with the report. Thumbnails come from object URLs.
 */
export function PhotosStep({
  photos,
  onChange,
  problem,
}: {
  photos: File[];
  onChange: (files: File[]) => void;
  problem: string | undefined;
}) {
  const { t } = useFeedbackT();
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const urls = useObjectUrls(photos);
  const full = photos.length >= FEEDBACK_MAX_PHOTOS;
  const errors = [...(problem ? [problem] : []), ...refused];

  const add = (list: FileList | null) => {
    if (!list) return;
    const messages: string[] = [];
    const accepted: File[] = [];
    for (const file of Array.from(list)) {
      if (!PHOTO_TYPES.includes(file.type)) {
        messages.push(t('photos.notImage', { name: file.name }));
      } else if (file.size > PHOTO_MAX_MB * 1024 * 1024) {
        messages.push(t('photos.tooLarge', { name: file.name, mb: PHOTO_MAX_MB }));
      } else {
        accepted.push(file);
      }
    }
    const room = FEEDBACK_MAX_PHOTOS - photos.length;
    if (accepted.length > room) messages.push(t('photos.tooMany', { max: FEEDBACK_MAX_PHOTOS }));
    setRefused(messages);
    onChange([...photos, ...accepted.slice(0, Math.max(0, room))]);
    if (input.current) input.current.value = '';
  };

  return (
    <>
      <h1>{t('photos.heading')}</h1>
      <p className="lead">{t('photos.lead', { max: FEEDBACK_MAX_PHOTOS, mb: PHOTO_MAX_MB })}</p>
      <p className="hint">{t('photos.privacy')}</p>
      <div className={`field${errors.length ? ' field--error' : ''}`} id="fb-media" tabIndex={-1}>
        {errors.map((message) => (
          <p key={message} className="field__error" role="alert">
            {message}
          </p>
        ))}
        <p aria-live="polite" className="feedback-photo-count" data-testid="photo-count">
          {photos.length
            ? t('photos.count', { count: photos.length, max: FEEDBACK_MAX_PHOTOS })
            : t('photos.none')}
        </p>
        {photos.length ? (
          <ul className="feedback-photos" data-testid="photo-list">
            {photos.map((file, i) => (
              <li key={`${file.name}-${file.size}-${file.lastModified}`} className="feedback-photo">
                {urls[i] ? (
                  <img src={urls[i]} alt={file.name} className="feedback-photo__img" />
                ) : null}
                <span className="feedback-photo__name">{file.name}</span>
                <button
                  type="button"
                  className="btn btn--secondary btn--small"
                  onClick={() => onChange(photos.filter((_, j) => j !== i))}
                  aria-label={t('photos.removeNamed', { name: file.name })}
                  data-testid={`photo-remove-${i}`}
                >
                  {t('photos.remove')}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {full ? (
          <p className="hint">{t('photos.full', { max: FEEDBACK_MAX_PHOTOS })}</p>
        ) : (
          <label className="btn btn--secondary feedback-upload">
            {photos.length ? t('photos.addMore') : t('photos.choose')}
            <input
              ref={input}
              type="file"
              accept={PHOTO_TYPES.join(',')}
              multiple
              className="visually-hidden"
              onChange={(e) => add(e.target.files)}
              data-testid="photo-input"
            />
          </label>
        )}
        <p className="hint">{t('photos.lostOnReload')}</p>
      </div>
    </>
  );
}

/** Object URLs for thumbnails, revoked when the list changes or the page goes. */
function useObjectUrls(files: File[]): string[] {
  const urls = useMemo(
    () =>
      typeof URL.createObjectURL === 'function' ? files.map((f) => URL.createObjectURL(f)) : [],
    [files],
  );
  useEffect(
    () => () => {
      for (const u of urls) URL.revokeObjectURL(u);
    },
    [urls],
  );
  return urls;
}
