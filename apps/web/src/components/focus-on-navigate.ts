import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After a client-side navigation, move focus to the main region so that keyboard and screen-reader
 * users start at the new content (as they would after a full page load). Not on the first render.
 */
export function useFocusMainOnNavigate(mainId = 'main'): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById(mainId);
    if (main) {
      main.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  }, [pathname, mainId]);
}
