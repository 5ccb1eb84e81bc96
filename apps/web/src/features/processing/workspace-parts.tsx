import type { FormSchema } from '@cqs/shared';
import { answerText, dayToText, formatDateTime, formatSize } from './format';
import { useP } from './i18n';
import { type DossierWorkspace, filePath, formPath, useProcedureForm } from './processing-api';

type Field = FormSchema['fields'][number];
type LeafField = Extract<Field, { type: Exclude<Field['type'], 'group'> }>;

/** First 3 and last 2 digits, as the API masks IDs elsewhere (personal data: mask by default). */
const maskId = (v: string) => (/^\d{12}$/.test(v) ? `${v.slice(0, 3)}*******${v.slice(-2)}` : v);

/**
 * The e-form's answers in the form's order with its labels and option names (a paper dossier
 * has none). Citizen ID numbers are masked. Keys the form does not know are listed last.
 */
export function AnswersList({
  answers,
  procedureCode,
}: {
  answers: Record<string, unknown>;
  procedureCode: string;
}) {
  const { t, i18n } = useP();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const entries = Object.entries(answers);
  const form = useProcedureForm(procedureCode, entries.length > 0);
  if (entries.length === 0) return <p className="muted">{t('ws.noAnswers')}</p>;
  const yes = t('common.yes');
  const no = t('common.no');

  const leafText = (field: LeafField | undefined, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field?.type === 'citizen_id' && typeof value === 'string') return maskId(value);
    if (field?.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      return dayToText(value);
    const option = field?.options?.find((o) => o.value === String(value));
    if (option) return option.label[lang];
    return answerText(value, yes, no);
  };

  const rows: { key: string; label: string; value: string }[] = [];
  const known = new Set<string>();
  for (const field of form.data?.fields ?? []) {
    if (!(field.name in answers)) continue;
    known.add(field.name);
    const value = answers[field.name];
    if (field.type === 'group' && Array.isArray(value)) {
      value.forEach((item, i) => {
        const record = (item ?? {}) as Record<string, unknown>;
        const parts = field.itemFields
          .filter((f) => record[f.name] !== undefined && record[f.name] !== '')
          .map((f) => `${f.label[lang]}: ${leafText(f, record[f.name])}`);
        rows.push({
          key: `${field.name}.${i}`,
          label: `${field.itemLabel[lang]} ${i + 1}`,
          value: parts.join('; '),
        });
      });
    } else {
      rows.push({
        key: field.name,
        label: field.label[lang],
        value: leafText(field as LeafField, value),
      });
    }
  }
  for (const [key, value] of entries) {
    if (known.has(key)) continue;
    rows.push({ key, label: humanKey(key), value: maskId(answerText(value, yes, no)) });
  }

  return (
    <dl className="facts ws-answers" data-testid="ws-answers">
      {rows.map((row) => (
        <div className="facts__row" key={row.key}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
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

export function DocumentsList({
  documents,
  procedureCode,
}: {
  documents: DossierWorkspace['documents'];
  procedureCode: string;
}) {
  const { t, i18n } = useP();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const form = useProcedureForm(procedureCode, documents.length > 0);
  const purposeName = (purpose: string) =>
    form.data?.documents.find((d) => d.id === purpose)?.name[lang] ??
    t(`purpose.${purpose}` as 'purpose.scan', purpose);
  if (documents.length === 0) return <p className="muted">{t('ws.noDocuments')}</p>;
  return (
    <ul className="ws-docs" data-testid="ws-documents">
      {documents.map((doc) => (
        <li key={doc.id} className="ws-doc">
          <span className="ws-doc__name">
            {doc.name}
            <span className="proc-sub">
              {purposeName(doc.purpose)} · {formatSize(doc.size)} · {formatDateTime(doc.uploadedAt)}
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
