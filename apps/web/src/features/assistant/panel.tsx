import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import { useAssistantT } from './assistant-i18n';
import { Chat } from './chat';
import './assistant.css';

/**
 * The assistant as a modal dialog over any resident page (a full-screen sheet on phones). The
 * native <dialog> opened with showModal() makes the page behind it inert (focus stays inside)
 * and closes on Esc; the launcher gets focus back.
 */
export function AssistantPanel({ onClose }: { onClose: () => void }) {
  const { t } = useAssistantT();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    // showModal() focuses the first control (the header link): start in the question box instead.
    d?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
    // The page behind does not scroll under the sheet.
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = overflow;
      if (d?.open) d.close();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="assistant-panel"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      data-testid="assistant-panel"
    >
      <div className="assistant-panel__header">
        <h2 id={titleId} className="assistant-panel__title">
          {t('title')}
        </h2>
        <Link to="/tro-ly" className="assistant-panel__full" onClick={onClose}>
          {t('openPage')}
        </Link>
        <button
          type="button"
          className="btn btn--quiet assistant-panel__close"
          onClick={onClose}
          aria-label={t('close')}
          data-testid="assistant-close"
        >
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
            <path
              d="M6 6l12 12M18 6 6 18"
              stroke="currentColor"
              strokeWidth="2.5"
              strokeLinecap="round"
            />
          </svg>
        </button>
      </div>
      <div className="assistant-panel__body">
        <Chat onNavigate={onClose} />
      </div>
    </dialog>
  );
}
