import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import './launcher.css';

// The chat itself is in the assistant chunk, fetched the first time the button is pressed.
const AssistantPanel = lazy(() => import('./index').then((m) => ({ default: m.AssistantPanel })));

/** The "Hỏi trợ lý" button on every resident page (not on /tro-ly, which is the chat itself). */
export function AssistantLauncher() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (pathname === '/tro-ly') return null;

  const close = () => {
    setOpen(false);
    // After a link in the chat the new page takes focus (layout); otherwise back to the button.
    window.setTimeout(() => {
      if (document.activeElement === document.body) button.current?.focus();
    }, 0);
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="assistant-launcher"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
        data-testid="assistant-launcher"
      >
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <path
            d="M4 5h16v11H9l-5 4z"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinejoin="round"
          />
          <path d="M8 9.5h8M8 12.5h5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span>{t('nav.assistant')}</span>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <AssistantPanel onClose={close} />
        </Suspense>
      ) : null}
    </>
  );
}
