import type { AssistantCitation } from '@cqs/shared';

/** The procedure page's section ids (pages/procedure-page.tsx) for each section the API cites. */
const ANCHORS: Record<AssistantCitation['section'], string | null> = {
  documents: 'documents',
  fees: 'fee',
  time: 'time',
  place: 'where',
  steps: 'steps',
  conditions: 'requirements',
  legal_basis: 'legal',
  results: 'results',
  applicants: 'applicants',
  overview: null,
};

/** Only links inside this site are followed (the reply comes from the API, still checked). */
export function isLocalPath(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/** `/thu-tuc/<code>#<section>`: the cited section of the procedure page. */
export function citationHref(citation: AssistantCitation): string {
  const anchor = ANCHORS[citation.section];
  return anchor ? `${citation.url}#${anchor}` : citation.url;
}

/**
 * After a client-side navigation to `…#id`, bring the section into view once the (lazy, fetched)
 * procedure page has rendered it, and move focus there for keyboard and screen-reader users.
 * The router itself does not scroll to fragments, and the layout scrolls to the top on navigation.
 */
export function revealSectionSoon(href: string): void {
  const hash = href.split('#')[1];
  if (!hash) return;
  const started = Date.now();
  const tick = () => {
    const section = document.getElementById(hash);
    if (section) {
      section.setAttribute('tabindex', '-1');
      section.focus({ preventScroll: true });
      section.scrollIntoView({ block: 'start' });
      return;
    }
    if (Date.now() - started < 8000) window.setTimeout(tick, 100);
  };
  window.setTimeout(tick, 100);
}
