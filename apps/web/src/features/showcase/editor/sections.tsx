import { SHOWCASE_LIMITS, type ShowcaseContent, type ShowcaseImage } from '@cqs/shared';
import { Field, type FieldErrors, fieldId, ItemControls, moved } from './form-parts';
import { useEt } from './i18n';
import { PhotoPicker } from './photo-picker';

/** What every section of the editor receives. */
export interface SectionProps {
  code: string;
  content: ShowcaseContent;
  change: (next: (c: ShowcaseContent) => ShowcaseContent) => void;
  errors: FieldErrors;
  images: Map<string, ShowcaseImage>;
  onUploaded: (image: ShowcaseImage) => void;
  announce: (message: string) => void;
}

export function IntroSection({ content, change, errors }: SectionProps) {
  const { t } = useEt();
  const max = SHOWCASE_LIMITS.introduction;
  return (
    <section className="sce-section" aria-labelledby="sce-h-intro">
      <h2 id="sce-h-intro">{t('intro.heading')}</h2>
      <Field
        path="introduction"
        label={t('intro.label')}
        hint={t('intro.hint', { max })}
        errors={errors}
        after={
          <p className="hint sce-counter" aria-live="polite">
            {t('intro.counter', { n: content.introduction.length, max })}
          </p>
        }
      >
        <textarea
          className="input sce-textarea"
          rows={8}
          maxLength={max}
          value={content.introduction}
          onChange={(e) => {
            const introduction = e.target.value;
            change((c) => ({ ...c, introduction }));
          }}
          data-testid="sce-intro"
        />
      </Field>
    </section>
  );
}

export function CoverSection({ code, content, change, images, onUploaded }: SectionProps) {
  const { t } = useEt();
  return (
    <section className="sce-section" aria-labelledby="sce-h-cover">
      <h2 id="sce-h-cover">{t('cover.heading')}</h2>
      <p className="hint">{t('cover.hint')}</p>
      <p className="hint">{t('photo.privacy')}</p>
      <PhotoPicker
        code={code}
        what={t('cover.heading')}
        selected={content.coverImageId ? [content.coverImageId] : []}
        max={1}
        images={images}
        onAdd={(id) => change((c) => ({ ...c, coverImageId: id }))}
        onRemove={() => change((c) => ({ ...c, coverImageId: null }))}
        onUploaded={onUploaded}
        testId="sce-cover"
      />
    </section>
  );
}

export function GallerySection(props: SectionProps) {
  const { code, content, change, errors, images, onUploaded, announce } = props;
  const { t } = useEt();
  const max = SHOWCASE_LIMITS.gallery;
  const label = (i: number) => t('gallery.caption', { n: i + 1 });
  return (
    <section className="sce-section" aria-labelledby="sce-h-gallery">
      <h2 id="sce-h-gallery">{t('gallery.heading')}</h2>
      <p className="hint">{t('gallery.hint', { max })}</p>
      {content.gallery.length === 0 ? <p className="muted">{t('gallery.empty')}</p> : null}
      <ol className="sce-gallery">
        {content.gallery.map((item, i) => {
          const image = images.get(item.imageId);
          return (
            <li key={item.imageId} className="sce-gallery__item">
              {image ? (
                <img
                  src={image.thumb.url}
                  width={image.thumb.width}
                  height={image.thumb.height}
                  alt=""
                  loading="lazy"
                />
              ) : null}
              <div>
                <Field path={`gallery.${i}.caption`} label={label(i)} errors={errors}>
                  <input
                    className="input"
                    maxLength={200}
                    value={item.caption}
                    onChange={(e) => {
                      const caption = e.target.value;
                      change((c) => ({
                        ...c,
                        gallery: c.gallery.map((g, j) => (j === i ? { ...g, caption } : g)),
                      }));
                    }}
                  />
                </Field>
                <ItemControls
                  index={i}
                  count={content.gallery.length}
                  name={label(i)}
                  onMove={(d) => {
                    change((c) => ({ ...c, gallery: moved(c.gallery, i, d) }));
                    announce(t('list.moved', { name: label(i), n: i + 1 + d }));
                  }}
                  onRemove={() => {
                    change((c) => ({ ...c, gallery: c.gallery.filter((_, j) => j !== i) }));
                    announce(t('list.removed', { name: label(i) }));
                  }}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <div id={fieldId('gallery')}>
        <PhotoPicker
          code={code}
          what={t('gallery.heading')}
          selected={[]}
          max={max - content.gallery.length}
          images={
            new Map([...images].filter(([id]) => !content.gallery.some((g) => g.imageId === id)))
          }
          onAdd={(imageId) =>
            change((c) =>
              c.gallery.some((g) => g.imageId === imageId) || c.gallery.length >= max
                ? c
                : { ...c, gallery: [...c.gallery, { imageId, caption: '' }] },
            )
          }
          onRemove={() => {}}
          onUploaded={onUploaded}
          testId="sce-gallery"
          hideChosen
        />
      </div>
    </section>
  );
}
