import { SHOWCASE_LIMITS, type ShowcaseProduct } from '@cqs/shared';
import { newUuid } from '../../processing/uuid';
import { Field, ItemControls, moved } from './form-parts';
import { useEt } from './i18n';
import { PhotoPicker } from './photo-picker';
import type { SectionProps } from './sections';

const emptyProduct = (): ShowcaseProduct => ({
  id: newUuid(),
  name: '',
  description: '',
  producerName: '',
  producerContact: '',
  ocopStars: null,
  priceText: '',
  imageIds: [],
});

export function ProductsSection(props: SectionProps) {
  const { code, content, change, errors, images, onUploaded, announce } = props;
  const { t } = useEt();
  const max = SHOWCASE_LIMITS.products;
  const set = (i: number, patch: Partial<ShowcaseProduct>) =>
    change((c) => ({
      ...c,
      products: c.products.map((p, j) => (j === i ? { ...p, ...patch } : p)),
    }));

  return (
    <section className="sce-section" aria-labelledby="sce-h-products">
      <h2 id="sce-h-products">{t('products.heading')}</h2>
      <p className="hint">{t('products.hint', { max })}</p>
      {content.products.length === 0 ? <p className="muted">{t('products.empty')}</p> : null}
      {content.products.map((p, i) => {
        const title = p.name.trim()
          ? t('products.itemNamed', { n: i + 1, name: p.name.trim() })
          : t('products.item', { n: i + 1 });
        const at = (field: string) => `products.${i}.${field}`;
        return (
          <fieldset key={p.id} className="sce-item" data-testid={`sce-product-${i}`}>
            <legend className="sce-item__legend">{title}</legend>
            <Field path={at('name')} label={t('products.name')} errors={errors}>
              <input
                className="input"
                maxLength={120}
                value={p.name}
                onChange={(e) => set(i, { name: e.target.value })}
              />
            </Field>
            <Field path={at('description')} label={t('products.description')} errors={errors}>
              <textarea
                className="input"
                rows={3}
                maxLength={1500}
                value={p.description}
                onChange={(e) => set(i, { description: e.target.value })}
              />
            </Field>
            <div className="sce-row">
              <Field path={at('producerName')} label={t('products.producerName')} errors={errors}>
                <input
                  className="input"
                  maxLength={120}
                  value={p.producerName}
                  onChange={(e) => set(i, { producerName: e.target.value })}
                />
              </Field>
              <Field
                path={at('producerContact')}
                label={t('products.producerContact')}
                errors={errors}
              >
                <input
                  className="input"
                  maxLength={200}
                  value={p.producerContact}
                  onChange={(e) => set(i, { producerContact: e.target.value })}
                />
              </Field>
            </div>
            <div className="sce-row">
              <Field path={at('ocopStars')} label={t('products.ocop')} errors={errors}>
                <select
                  className="select"
                  value={p.ocopStars ?? ''}
                  onChange={(e) =>
                    set(i, {
                      ocopStars: e.target.value ? (Number(e.target.value) as 3 | 4 | 5) : null,
                    })
                  }
                >
                  <option value="">{t('products.ocopNone')}</option>
                  {[3, 4, 5].map((n) => (
                    <option key={n} value={n}>
                      {t('products.ocopStars', { n })}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                path={at('priceText')}
                label={t('products.price')}
                hint={t('products.priceHint')}
                errors={errors}
              >
                <input
                  className="input"
                  maxLength={80}
                  value={p.priceText}
                  onChange={(e) => set(i, { priceText: e.target.value })}
                />
              </Field>
            </div>
            <p className="label">{t('products.photos', { max: SHOWCASE_LIMITS.productImages })}</p>
            <PhotoPicker
              code={code}
              what={title}
              selected={p.imageIds}
              max={SHOWCASE_LIMITS.productImages}
              images={images}
              onAdd={(id) =>
                change((c) => ({
                  ...c,
                  products: c.products.map((x, j) =>
                    j === i && !x.imageIds.includes(id)
                      ? { ...x, imageIds: [...x.imageIds, id] }
                      : x,
                  ),
                }))
              }
              onRemove={(id) => set(i, { imageIds: p.imageIds.filter((x) => x !== id) })}
              onUploaded={onUploaded}
              testId={`sce-product-${i}-photos`}
            />
            <ItemControls
              index={i}
              count={content.products.length}
              name={title}
              onMove={(d) => {
                change((c) => ({ ...c, products: moved(c.products, i, d) }));
                announce(t('list.moved', { name: title, n: i + 1 + d }));
              }}
              onRemove={() => {
                change((c) => ({ ...c, products: c.products.filter((_, j) => j !== i) }));
                announce(t('list.removed', { name: title }));
              }}
            />
          </fieldset>
        );
      })}
      {content.products.length < max ? (
        <button
          type="button"
          className="btn btn--secondary"
          onClick={() => change((c) => ({ ...c, products: [...c.products, emptyProduct()] }))}
          data-testid="sce-add-product"
        >
          + {t('products.add')}
        </button>
      ) : null}
    </section>
  );
}
