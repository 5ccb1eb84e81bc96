import type { Band } from '@cqs/shared';
import { BandIcon } from '../processing/band-icon';
import { dayToText, vnDay } from '../processing/format';
import type { FeedbackBand } from './feedback-officer-api';
import { useF } from './i18n';

// The feedback bands drawn with the processing screens' icons ("on time" is their "within").
const icon: Record<FeedbackBand, Band> = {
  overdue: 'overdue',
  due_soon: 'due_soon',
  on_time: 'within',
  paused: 'paused',
  done: 'done',
};

/** The band in words with its symbol; the colour only repeats what the words say. */
export function FeedbackBandTag({ band }: { band: FeedbackBand }) {
  const { t } = useF();
  return (
    <span className={`tag band band--${icon[band]}`} data-band={band}>
      <BandIcon band={icon[band]} /> {t(`band.${band}`)}
    </span>
  );
}

/** "Hạn: 21/12/2026" in Vietnam time. */
export function FeedbackDue({ dueAt }: { dueAt: string | null }) {
  const { t } = useF();
  if (!dueAt) return <span className="muted">{t('due.none')}</span>;
  return (
    <span className="due nowrap">
      {t('due.label')} <time dateTime={dueAt}>{dayToText(vnDay(dueAt))}</time>
    </span>
  );
}
