import { assistedByLabel } from '@cqs/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { DossierDetail, TimelineItem } from './dossiers-api';
import { formatDateTime, statusText, statusTone } from './format';

/** Status as words in a coloured tag: the colour repeats the words, never replaces them. */
export function StatusTag({
  statusCode,
  label,
  testId,
}: {
  statusCode: number;
  label: string;
  testId?: string;
}) {
  return (
    <span
      className={`tag dossier-status dossier-status--${statusTone(statusCode)}`}
      data-testid={testId}
    >
      {statusText(statusCode, label, currentLanguage())}
    </span>
  );
}

/** The public timeline, oldest first (the API returns events in the order they happened). */
export function Timeline({ items, headingId }: { items: TimelineItem[]; headingId: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="muted">{t('dossiers.timelineEmpty')}</p>;
  return (
    <ol className="timeline" aria-labelledby={headingId} data-testid="dossier-timeline">
      {items.map((item) => (
        // Events carry no id in the public view; these fields together tell them apart.
        <li
          key={`${item.at}|${item.type}|${item.statusCode}|${item.note ?? ''}`}
          className="timeline__item"
        >
          <p className="timeline__when">
            <time dateTime={item.at}>{formatDateTime(item.at)}</time>
          </p>
          <p className="timeline__what">{item.label}</p>
          {item.note ? <p className="timeline__note">{item.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** Where it is, who has it, by when: the three facts every dossier view starts with. */
export function WhereWhoWhen({
  statusCode,
  statusLabel,
  unitName,
  submittedAt,
  dueAt,
  dueContent,
  statusTestId,
}: {
  statusCode: number;
  statusLabel: string;
  unitName: string;
  submittedAt: string;
  dueAt: string | null;
  /** Replaces the due date, e.g. the original and the new date after an apology. */
  dueContent?: ReactNode;
  statusTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <dl className="facts dossier-facts">
      <div className="facts__row">
        <dt>{t('dossiers.status')}</dt>
        <dd>
          <StatusTag statusCode={statusCode} label={statusLabel} testId={statusTestId} />
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('dossiers.who')}</dt>
        <dd>{unitName}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('dossiers.submittedAt')}</dt>
        <dd>
          <time dateTime={submittedAt}>{formatDateTime(submittedAt)}</time>
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('dossiers.dueAt')}</dt>
        <dd data-testid="dossier-due">
          {dueContent ? (
            dueContent
          ) : dueAt ? (
            <time dateTime={dueAt}>{formatDateTime(dueAt)}</time>
          ) : (
            <span className="muted">{t('dossiers.dueUnknown')}</span>
          )}
        </dd>
      </div>
    </dl>
  );
}

/** "Được hỗ trợ bởi Tổ công nghệ số cộng đồng …": submitted for the resident by a team member. */
export function AssistedMark({ by }: { by: DossierDetail['assistedBy'] }) {
  const { i18n } = useTranslation();
  if (!by) return null;
  return (
    <p className="dossier-assisted" data-testid="as-assisted-mark">
      {assistedByLabel(by.teamName, i18n.language === 'en' ? 'en' : 'vi')}
      <span className="muted"> ({by.communeName})</span>
    </p>
  );
}
