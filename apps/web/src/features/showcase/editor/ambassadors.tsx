import { isHttpUrl, SHOWCASE_LIMITS, type ShowcaseAmbassador } from '@cqs/shared';
import { useState } from 'react';
import { newUuid } from '../../processing/uuid';
import { Field, ItemControls, moved } from './form-parts';
import { useEt } from './i18n';
import { PhotoPicker } from './photo-picker';
import type { SectionProps } from './sections';

const emptyAmbassador = (): ShowcaseAmbassador => ({
  id: newUuid(),
  name: '',
  description: '',
  imageId: null,
  links: [],
});

export function AmbassadorsSection(props: SectionProps) {
  const { code, content, change, errors, images, onUploaded, announce } = props;
  const { t } = useEt();
  // A link address is checked when the officer leaves the field, with the schema's own message.
  const [linkErrors, setLinkErrors] = useState<Record<string, string>>({});
  const max = SHOWCASE_LIMITS.ambassadors;
  const set = (i: number, patch: Partial<ShowcaseAmbassador>) =>
    change((c) => ({
      ...c,
      ambassadors: c.ambassadors.map((a, j) => (j === i ? { ...a, ...patch } : a)),
    }));

  return (
    <section className="sce-section" aria-labelledby="sce-h-ambassadors">
      <h2 id="sce-h-ambassadors">{t('ambassadors.heading')}</h2>
      <p className="hint">{t('ambassadors.hint', { max })}</p>
      {content.ambassadors.length === 0 ? <p className="muted">{t('ambassadors.empty')}</p> : null}
      {content.ambassadors.map((a, i) => {
        const title = a.name.trim()
          ? t('ambassadors.itemNamed', { n: i + 1, name: a.name.trim() })
          : t('ambassadors.item', { n: i + 1 });
        const at = (field: string) => `ambassadors.${i}.${field}`;
        const setLink = (k: number, patch: { label?: string; url?: string }) =>
          set(i, { links: a.links.map((l, j) => (j === k ? { ...l, ...patch } : l)) });
        return (
          <fieldset key={a.id} className="sce-item" data-testid={`sce-ambassador-${i}`}>
            <legend className="sce-item__legend">{title}</legend>
            <Field path={at('name')} label={t('ambassadors.name')} errors={errors}>
              <input
                className="input"
                maxLength={120}
                value={a.name}
                onChange={(e) => set(i, { name: e.target.value })}
              />
            </Field>
            <Field path={at('description')} label={t('ambassadors.description')} errors={errors}>
              <textarea
                className="input"
                rows={3}
                maxLength={1000}
                value={a.description}
                onChange={(e) => set(i, { description: e.target.value })}
              />
            </Field>
            <p className="label">{t('ambassadors.photo')}</p>
            <PhotoPicker
              code={code}
              what={title}
              selected={a.imageId ? [a.imageId] : []}
              max={1}
              images={images}
              onAdd={(id) => set(i, { imageId: id })}
              onRemove={() => set(i, { imageId: null })}
              onUploaded={onUploaded}
            />
            <fieldset className="sce-links">
              <legend className="label">{t('ambassadors.links')}</legend>
              <p className="hint">{t('ambassadors.linkHint')}</p>
              {a.links.map((link, k) => {
                const urlPath = `${at('links')}.${k}.url`;
                return (
                  // Links have no id of their own; they are edited in place, in order.
                  // biome-ignore lint/suspicious/noArrayIndexKey: position is the identity here
                  <div key={k} className="sce-link">
                    <Field
                      path={`${at('links')}.${k}.label`}
                      label={t('ambassadors.linkLabel', { n: k + 1 })}
                      errors={errors}
                    >
                      <input
                        className="input"
                        maxLength={60}
                        value={link.label}
                        onChange={(e) => setLink(k, { label: e.target.value })}
                      />
                    </Field>
                    <Field
                      path={urlPath}
                      label={t('ambassadors.linkUrl', { n: k + 1 })}
                      errors={{ ...errors, ...linkErrors }}
                    >
                      <input
                        className="input"
                        type="url"
                        inputMode="url"
                        autoComplete="url"
                        spellCheck={false}
                        maxLength={SHOWCASE_LIMITS.url}
                        value={link.url}
                        placeholder="https://"
                        onChange={(e) => {
                          setLink(k, { url: e.target.value });
                          setLinkErrors(({ [urlPath]: _gone, ...rest }) => rest);
                        }}
                        onBlur={(e) => {
                          const value = e.target.value.trim();
                          if (value && !isHttpUrl(value)) {
                            setLinkErrors((x) => ({ ...x, [urlPath]: t('ambassadors.linkHint') }));
                          }
                        }}
                      />
                    </Field>
                    <button
                      type="button"
                      className="btn btn--quiet btn--small"
                      onClick={() => set(i, { links: a.links.filter((_, j) => j !== k) })}
                    >
                      {t('ambassadors.removeLink', { n: k + 1 })}
                    </button>
                  </div>
                );
              })}
              {a.links.length < SHOWCASE_LIMITS.links ? (
                <button
                  type="button"
                  className="btn btn--secondary btn--small"
                  onClick={() => set(i, { links: [...a.links, { label: '', url: '' }] })}
                >
                  + {t('ambassadors.addLink')}
                </button>
              ) : null}
            </fieldset>
            <ItemControls
              index={i}
              count={content.ambassadors.length}
              name={title}
              onMove={(d) => {
                change((c) => ({ ...c, ambassadors: moved(c.ambassadors, i, d) }));
                announce(t('list.moved', { name: title, n: i + 1 + d }));
              }}
              onRemove={() => {
                change((c) => ({ ...c, ambassadors: c.ambassadors.filter((_, j) => j !== i) }));
                announce(t('list.removed', { name: title }));
              }}
            />
          </fieldset>
        );
      })}
      {content.ambassadors.length < max ? (
        <button
          type="button"
          className="btn btn--secondary"
          onClick={() =>
            change((c) => ({ ...c, ambassadors: [...c.ambassadors, emptyAmbassador()] }))
          }
          data-testid="sce-add-ambassador"
        >
          + {t('ambassadors.add')}
        </button>
      ) : null}
    </section>
  );
}
