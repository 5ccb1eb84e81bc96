import { useDemoMessages } from './assisted-api';
import { formatTime } from './format';
import { useAt } from './i18n';

/**
 * Demo mode only, clearly labelled: a demo has no real phone, so the texts queued for the
 * resident's phone are shown here (read from the outbox by a route that answers 404 in
 * production). In production the code reaches only the resident's phone.
 */
export function DemoMessages({ id }: { id: string }) {
  const { t } = useAt();
  const messages = useDemoMessages(id, true);
  if (messages.isError) return null;
  return (
    <aside className="as-demo" aria-labelledby="as-demo-h" data-testid="as-demo-sms">
      <h2 id="as-demo-h">
        <span className="badge badge--demo">DEMO</span> {t('demo.heading')}
      </h2>
      <p>{t('demo.lead')}</p>
      {messages.data?.items.length === 0 ? <p className="muted">{t('demo.empty')}</p> : null}
      <ul className="as-demo__list">
        {messages.data?.items.map((m) => (
          <li key={`${m.at}-${m.text}`} className="as-demo__sms">
            <p className="as-demo__meta">{t('demo.to', { phone: m.to, time: formatTime(m.at) })}</p>
            <p data-testid="as-demo-sms-text">{m.text}</p>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn btn--secondary btn--small"
        onClick={() => void messages.refetch()}
      >
        {t('demo.refresh')}
      </button>
    </aside>
  );
}
