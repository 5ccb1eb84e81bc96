import type { AssistantAction } from '@cqs/shared';
import {
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useAssistantT } from './assistant-i18n';
import { type Turn, useConversation } from './conversation';
import { Actions, Citations, ReplyText } from './reply-parts';

const STARTERS = ['documents', 'time', 'fees', 'tracking', 'feedback'] as const;

/**
 * The conversation (shared by the panel and the full page): the transcript as a live log, the
 * starter questions while it is empty, the question box, and errors that keep what was typed.
 * `onNavigate` runs before a link in a reply is followed (the panel closes itself).
 */
export function Chat({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useAssistantT();
  const id = useId();
  const { turns, pending, failure, send, reset } = useConversation();
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const latest = useRef<HTMLDivElement>(null);
  const busy = pending !== null;

  // A new reply: bring its start into view (long quotes are read from the top). In the panel the
  // log scrolls inside itself; on the page the window scrolls.
  const count = turns.length;
  useEffect(() => {
    if (count === 0) return;
    // Next frame: on first mount the panel's dialog opens (and gets a size) after this effect.
    const frame = window.requestAnimationFrame(() => {
      const box = log.current;
      const turn = latest.current;
      if (!box || !turn) return;
      if (box.scrollHeight > box.clientHeight) box.scrollTop = turn.offsetTop;
      else turn.scrollIntoView({ block: 'start' });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [count]);
  // The question just sent, with "Đang trả lời…", at the bottom of the panel's log.
  useEffect(() => {
    const box = log.current;
    if (pending !== null && box) box.scrollTop = box.scrollHeight;
  }, [pending]);

  const ask = async (text: string) => {
    const question = text.trim();
    if (!question || busy) return;
    const sent = await send({ text: question });
    // Cleared only once answered, and only if the resident has not started the next question.
    if (sent) setDraft((current) => (current.trim() === question ? '' : current));
  };
  const choose = (action: Extract<AssistantAction, { type: 'choose_procedure' }>) => {
    void send({ text: action.label, procedureCode: action.procedureCode });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void ask(draft);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void ask(draft);
    }
  };

  return (
    <div className="assistant-chat">
      <div className="assistant-chat__toolbar">
        {turns.length > 0 ? (
          <button
            type="button"
            className="btn btn--quiet btn--small"
            onClick={() => {
              reset();
              input.current?.focus();
            }}
            disabled={busy}
            data-testid="assistant-reset"
          >
            {t('newConversation')}
          </button>
        ) : null}
      </div>
      <div
        ref={log}
        className="assistant-log"
        role="log"
        aria-live="polite"
        aria-label={t('transcript')}
        data-testid="assistant-log"
      >
        {turns.length === 0 && !busy ? (
          <div className="assistant-starters">
            <p className="assistant-starters__heading">{t('startersHeading')}</p>
            <ul>
              {STARTERS.map((key) => (
                <li key={key}>
                  <button
                    type="button"
                    className="btn btn--secondary btn--small"
                    onClick={() => void ask(t(`starters.${key}`))}
                    data-testid={`assistant-starter-${key}`}
                  >
                    {t(`starters.${key}`)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {turns.map((turn, i) => (
          <TurnView
            key={turn.id}
            turn={turn}
            anchor={i === turns.length - 1 ? latest : undefined}
            busy={busy}
            onChoose={choose}
            onNavigate={onNavigate}
          />
        ))}
        {pending !== null ? (
          <div className="assistant-turn">
            <Question text={pending} />
            <p className="assistant-msg assistant-msg--bot assistant-msg--pending">
              <span className="assistant-dots" aria-hidden="true" />
              {t('sending')}
            </p>
          </div>
        ) : null}
      </div>

      {failure ? (
        <div
          className="notice notice--error assistant-error"
          role="alert"
          data-testid="assistant-error"
        >
          <p>{t(`errors.${failure.kind}`)}</p>
          <button
            type="button"
            className="btn btn--secondary btn--small"
            onClick={() =>
              void send(failure.body).then((ok) => ok && clearIfSame(failure.body.text))
            }
            disabled={busy}
            data-testid="assistant-retry"
          >
            {t('errors.retry')}
          </button>
        </div>
      ) : null}

      <form className="assistant-form" onSubmit={onSubmit}>
        <label htmlFor={`${id}-q`} className="assistant-form__label">
          {t('inputLabel')}
        </label>
        <p id={`${id}-hint`} className="hint assistant-form__hint">
          {t('inputHint')}
        </p>
        <div className="assistant-form__row">
          <textarea
            ref={input}
            id={`${id}-q`}
            className="input assistant-form__input"
            rows={2}
            maxLength={1000}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
            placeholder={t('placeholder')}
            aria-describedby={`${id}-hint`}
            enterKeyHint="send"
            data-testid="assistant-input"
          />
          <button
            type="submit"
            className="btn btn--primary assistant-form__send"
            disabled={busy}
            data-testid="assistant-send"
          >
            {busy ? t('sending') : t('send')}
          </button>
        </div>
      </form>
      <p className="assistant-disclaimer">{t('disclaimer')}</p>
    </div>
  );

  function clearIfSame(text: string) {
    setDraft((current) => (current.trim() === text ? '' : current));
  }
}

function Question({ text }: { text: string }) {
  const { t } = useAssistantT();
  return (
    <p className="assistant-msg assistant-msg--you">
      <span className="visually-hidden">{t('you')}: </span>
      {text}
    </p>
  );
}

function TurnView({
  turn,
  anchor,
  busy,
  onChoose,
  onNavigate,
}: {
  turn: Turn;
  anchor: RefObject<HTMLDivElement | null> | undefined;
  busy: boolean;
  onChoose: (action: Extract<AssistantAction, { type: 'choose_procedure' }>) => void;
  onNavigate: () => void;
}) {
  const { t } = useAssistantT();
  return (
    <div className="assistant-turn" ref={anchor}>
      <Question text={turn.question} />
      <div
        className="assistant-msg assistant-msg--bot"
        data-testid="assistant-reply"
        data-intent={turn.reply.intent}
      >
        <span className="visually-hidden">{t('assistant')}: </span>
        <ReplyText text={turn.reply.text} />
        <Citations citations={turn.reply.citations} onNavigate={onNavigate} />
        <Actions reply={turn.reply} disabled={busy} onChoose={onChoose} onNavigate={onNavigate} />
      </div>
    </div>
  );
}
