import type { AssistantAction, AssistantCitation, AssistantReply } from '@cqs/shared';
import { Link } from 'react-router';
import { useAssistantT } from './assistant-i18n';
import { replyBlocks } from './reply-blocks';
import { citationHref, isLocalPath, revealSectionSoon } from './section-anchor';

/** The reply's plain text as paragraphs and lists: only text nodes, no HTML from the server. */
export function ReplyText({ text }: { text: string }) {
  return (
    <div className="assistant-reply__text">
      {replyBlocks(text).map((block, i) =>
        block.kind === 'list' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
          <ul key={i} className="assistant-reply__list">
            {block.items.map((item, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
          <p key={i}>{block.text}</p>
        ),
      )}
    </div>
  );
}

export function Citations({
  citations,
  onNavigate,
}: {
  citations: AssistantCitation[];
  onNavigate: () => void;
}) {
  const { t } = useAssistantT();
  const shown = citations.filter((c) => isLocalPath(c.url));
  if (shown.length === 0) return null;
  return (
    <div className="assistant-reply__sources" data-testid="assistant-citations">
      <span className="assistant-reply__sources-label">{t('sources')}</span>
      <ul>
        {shown.map((c) => {
          const href = citationHref(c);
          return (
            <li key={`${c.code}-${c.section}`}>
              <Link
                to={href}
                data-testid={`citation-${c.code}`}
                onClick={() => {
                  onNavigate();
                  revealSectionSoon(href);
                }}
              >
                {c.name} ({c.code}) — {t('section', { section: t(`sections.${c.section}`) })}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * What the resident can do next: a procedure to choose (sent as the next message), or a page to
 * open (the procedure, the online form, the prefilled report, the dossier, tracking).
 */
export function Actions({
  reply,
  disabled,
  onChoose,
  onNavigate,
}: {
  reply: AssistantReply;
  disabled: boolean;
  onChoose: (action: Extract<AssistantAction, { type: 'choose_procedure' }>) => void;
  onNavigate: () => void;
}) {
  const { t } = useAssistantT();
  if (reply.actions.length === 0) return null;
  const choices = reply.actions.filter((a) => a.type === 'choose_procedure');
  const links = reply.actions.filter((a) => a.type !== 'choose_procedure');
  return (
    <>
      {choices.length > 0 ? (
        <ul className="assistant-choices" aria-label={t('choicesLabel')}>
          {choices.map((a) => (
            <li key={a.procedureCode}>
              <button
                type="button"
                className="btn btn--secondary btn--small assistant-choices__button"
                disabled={disabled}
                onClick={() => onChoose(a)}
                data-testid={`assistant-choice-${a.procedureCode}`}
              >
                {a.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {links.length > 0 ? (
        <ul className="assistant-actions" aria-label={t('actionsLabel')}>
          {links.map((a) =>
            isLocalPath(a.url) ? (
              <li key={`${a.type}-${a.url}`}>
                <Link
                  to={a.url}
                  className={`btn btn--small ${a.type === 'open_procedure' || a.type === 'open_tracking' ? 'btn--secondary' : 'btn--primary'}`}
                  data-testid={`assistant-action-${a.type}`}
                  onClick={onNavigate}
                >
                  {a.label}
                </Link>
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
    </>
  );
}
