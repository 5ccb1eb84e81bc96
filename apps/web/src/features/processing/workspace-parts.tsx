import { answerText, formatDateTime, formatSize } from './format';
import { useP } from './i18n';
import { type DossierWorkspace, filePath, formPath } from './processing-api';

/** The e-form's answers as label → value lines (keys are the form's field ids). */
export function AnswersList({ answers }: { answers: Record<string, unknown> }) {
  const { t } = useP();
  const entries = Object.entries(answers);
  if (entries.length === 0) return <p className="muted">{t('ws.noAnswers')}</p>;
  return (
    <dl className="facts ws-answers">
      {entries.map(([key, value]) => (
        <div className="facts__row" key={key}>
          <dt>{humanKey(key)}</dt>
          <dd>{answerText(value, t('common.yes'), t('common.no'))}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "hoTenMe" / "ho_ten_me" → "Ho ten me": readable when the form has no label at hand. */
function humanKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function DocumentsList({ documents }: { documents: DossierWorkspace['documents'] }) {
  const { t } = useP();
  if (documents.length === 0) return <p className="muted">{t('ws.noDocuments')}</p>;
  return (
    <ul className="ws-docs" data-testid="ws-documents">
      {documents.map((doc) => (
        <li key={doc.id} className="ws-doc">
          <span className="ws-doc__name">
            {doc.name}
            <span className="proc-sub">
              {t(`purpose.${doc.purpose}` as 'purpose.scan', doc.purpose)} · {formatSize(doc.size)}{' '}
              · {formatDateTime(doc.uploadedAt)}
            </span>
          </span>
          <span className="ws-doc__links">
            <a
              className="btn btn--secondary btn--small"
              href={filePath(doc.id)}
              target="_blank"
              rel="noopener"
              aria-label={t('ws.openNamed', { name: doc.name })}
            >
              {t('ws.open')}
            </a>
            <a
              className="btn btn--quiet btn--small"
              href={filePath(doc.id)}
              download={doc.name}
              aria-label={t('ws.downloadNamed', { name: doc.name })}
            >
              {t('ws.download')}
            </a>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function FormsList({ dossierId, forms }: { dossierId: string; forms: string[] }) {
  const { t } = useP();
  if (forms.length === 0) return <p className="muted">{t('ws.noForms')}</p>;
  return (
    <ul className="ws-forms" data-testid="ws-forms">
      {forms.map((form) => (
        <li key={form}>
          <a
            className="btn btn--secondary btn--small btn--block"
            href={formPath(dossierId, form)}
            target="_blank"
            rel="noopener"
            data-testid={`ws-form-${form}`}
          >
            {t(`form.${form}` as 'form.01')}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Every event, newest last; internal ones are marked so an officer knows what the resident sees. */
export function WorkspaceTimeline({
  items,
  headingId,
}: {
  items: DossierWorkspace['timeline'];
  headingId: string;
}) {
  const { t } = useP();
  if (items.length === 0) return <p className="muted">{t('ws.noEvents')}</p>;
  return (
    <ol className="timeline ws-timeline" aria-labelledby={headingId} data-testid="ws-timeline">
      {items.map((e) => (
        <li key={e.id} className="timeline__item">
          <p className="timeline__when">
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>{' '}
            <span className={`tag ${e.public ? 'tag--public' : 'tag--internal'}`}>
              {e.public ? t('ws.public') : t('ws.internal')}
            </span>
          </p>
          <p className="timeline__what">
            <strong>{e.label}</strong>
          </p>
          {e.actorName || e.unitName ? (
            <p className="proc-sub">{[e.actorName, e.unitName].filter(Boolean).join(' · ')}</p>
          ) : null}
          {e.note ? <p className="timeline__note">{e.note}</p> : null}
          {e.stepDueAt ? (
            <p className="proc-sub">{t('ws.stepDue', { date: formatDateTime(e.stepDueAt) })}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
