import { type ShowcaseImage, showcaseParagraphs, type ShowcaseView as View } from '@cqs/shared';
import { useSt } from './i18n';

/**
 * A photo that never shifts the layout: width and height are the thumbnail's real size (the box
 * keeps its ratio while it loads), the browser picks the thumbnail or the large copy for the
 * space it has, and only the first screen's photo loads eagerly.
 */
export function Photo({
  image,
  alt,
  sizes,
  eager = false,
  className,
}: {
  image: ShowcaseImage;
  alt: string;
  sizes: string;
  eager?: boolean;
  className?: string;
}) {
  return (
    <img
      className={className}
      src={image.thumb.url}
      srcSet={`${image.thumb.url} ${image.thumb.width}w, ${image.large.url} ${image.large.width}w`}
      sizes={sizes}
      width={image.thumb.width}
      height={image.thumb.height}
      alt={alt}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      {...(eager ? { fetchPriority: 'high' as const } : {})}
    />
  );
}

function OcopBadge({ stars, isDemo }: { stars: 3 | 4 | 5; isDemo: boolean }) {
  const { t } = useSt();
  return (
    <p className="sc-ocop">
      <span className="sc-ocop__stars" aria-hidden="true">
        {'★'.repeat(stars)}
        <span className="sc-ocop__off">{'★'.repeat(5 - stars)}</span>
      </span>{' '}
      <span>{t('page.ocop', { stars })}</span>
      {isDemo ? <span className="sc-ocop__demo"> {t('demo.ocopExample')}</span> : null}
    </p>
  );
}

/** A commune's page as residents see it; the editor's preview renders the draft with it too. */
export function ShowcaseView({ view, headingLevel = 1 }: { view: View; headingLevel?: 1 | 2 }) {
  const { t } = useSt();
  const Title = headingLevel === 1 ? 'h1' : 'h2';
  const Section = headingLevel === 1 ? 'h2' : 'h3';
  const Item = headingLevel === 1 ? 'h3' : 'h4';
  return (
    <article className="sc" data-testid="showcase-view">
      {view.isDemo ? (
        <p className="notice notice--warning sc-demo" data-testid="showcase-demo">
          <strong className="badge badge--demo">{t('demo.badge')}</strong> {t('demo.banner')}
        </p>
      ) : null}
      <header className="sc-hero">
        {view.cover ? (
          <Photo
            className="sc-hero__img"
            image={view.cover}
            alt={t('page.coverAlt', { name: view.communeName })}
            sizes="(min-width: 60rem) 56rem, 100vw"
            eager
          />
        ) : null}
        <p className="caption sc-hero__brand">{t('brand')}</p>
        <Title className="sc-hero__title">{view.communeName}</Title>
      </header>

      <section aria-label={t('page.intro')} className="sc-intro">
        {showcaseParagraphs(view.introduction).map((p, i) => (
          // Paragraphs have no identity of their own; their order is fixed.
          // biome-ignore lint/suspicious/noArrayIndexKey: static text in a fixed order
          <p key={i}>{p}</p>
        ))}
      </section>

      {view.products.length ? (
        <section aria-labelledby="sc-products" className="section">
          <Section id="sc-products">{t('page.products')}</Section>
          <ul className="sc-cards" data-testid="showcase-products">
            {view.products.map((p) => (
              <li key={p.id} className="sc-card">
                {p.images[0] ? (
                  <Photo
                    className="sc-card__img"
                    image={p.images[0]}
                    alt={t('page.productPhoto', { name: p.name })}
                    sizes="(min-width: 40rem) 20rem, 100vw"
                  />
                ) : null}
                <div className="sc-card__body">
                  <Item className="sc-card__title">{p.name}</Item>
                  {p.ocopStars ? <OcopBadge stars={p.ocopStars} isDemo={view.isDemo} /> : null}
                  {p.description ? <p>{p.description}</p> : null}
                  <dl className="sc-facts">
                    {p.producerName ? (
                      <div>
                        <dt>{t('page.producer')}</dt>
                        <dd>{p.producerName}</dd>
                      </div>
                    ) : null}
                    {p.producerContact ? (
                      <div>
                        <dt>{t('page.contact')}</dt>
                        <dd>{p.producerContact}</dd>
                      </div>
                    ) : null}
                    {p.priceText ? (
                      <div>
                        <dt>{t('page.price')}</dt>
                        <dd>{p.priceText}</dd>
                      </div>
                    ) : null}
                  </dl>
                  {p.images.length > 1 ? (
                    <ul className="sc-thumbs">
                      {p.images.slice(1).map((img, i) => (
                        <li key={img.id}>
                          <a href={img.large.url}>
                            <Photo
                              image={img}
                              alt={t('page.productPhotoN', { n: i + 2, name: p.name })}
                              sizes="6rem"
                            />
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {view.ambassadors.length ? (
        <section aria-labelledby="sc-ambassadors" className="section">
          <Section id="sc-ambassadors">{t('page.ambassadors')}</Section>
          <ul className="sc-people" data-testid="showcase-ambassadors">
            {view.ambassadors.map((a) => (
              <li key={a.id} className="sc-person">
                {a.image ? (
                  <Photo
                    className="sc-person__img"
                    image={a.image}
                    alt={t('page.ambassadorPhoto', { name: a.name })}
                    sizes="6rem"
                  />
                ) : (
                  <span className="sc-person__img sc-person__img--none" aria-hidden="true" />
                )}
                <div>
                  <Item className="sc-person__name">{a.name}</Item>
                  {a.description ? <p>{a.description}</p> : null}
                  {a.links.length ? (
                    <ul className="sc-links">
                      {a.links.map((link) => (
                        <li key={link.url}>
                          <a href={link.url} target="_blank" rel="noopener noreferrer nofollow ugc">
                            {link.label}
                            <span className="visually-hidden"> {t('page.newTab')}</span>
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {view.gallery.length ? (
        <section aria-labelledby="sc-gallery" className="section">
          <Section id="sc-gallery">{t('page.gallery')}</Section>
          <ul className="sc-gallery">
            {view.gallery.map((g, i) => {
              const alt = g.caption || t('page.galleryPhoto', { n: i + 1 });
              return (
                <li key={g.image.id}>
                  <figure>
                    <a href={g.image.large.url} aria-label={t('page.openLarge', { alt })}>
                      <Photo image={g.image} alt={alt} sizes="(min-width: 40rem) 18rem, 50vw" />
                    </a>
                    {g.caption ? <figcaption>{g.caption}</figcaption> : null}
                  </figure>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
