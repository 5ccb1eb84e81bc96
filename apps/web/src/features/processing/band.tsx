import type { Band } from '@cqs/shared';
import { useMemo } from 'react';
import { BandIcon } from './band-icon';
import { dayToText, vnDay, workingDaysLeft } from './format';
import { useP } from './i18n';
import { useDaysOff } from './processing-api';

/** The band in words with its symbol; the colour only repeats what the words say. */
export function BandTag({ band }: { band: Band }) {
  const { t } = useP();
  return (
    <span className={`tag band band--${band}`} data-band={band}>
      <BandIcon band={band} /> {t(`band.${band}`)}
    </span>
  );
}

/** Days off from today to the latest due date on screen: one calendar request per page. */
export function useOffDays(dueDates: (string | null)[]) {
  const today = vnDay(new Date());
  const last = dueDates.reduce<string | null>((max, at) => {
    if (!at) return max;
    const day = vnDay(at);
    return !max || day > max ? day : max;
  }, null);
  // The calendar endpoint answers at most one year at a time; later dates say nothing extra.
  const yearLater = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const to = last && last > today ? (last > yearLater ? yearLater : last) : null;
  const query = useDaysOff(today, to);
  const off = useMemo(
    () => new Set((query.data?.items ?? []).filter((d) => !d.working).map((d) => d.date)),
    [query.data],
  );
  return { today, off, ready: to === null || query.isSuccess };
}

/** "Hạn: 04/05/2026" and, below it, how much time is left in the band's words. */
export function DueText({
  dueAt,
  band,
  today,
  off,
  ready,
}: {
  dueAt: string | null;
  band: Band;
  today: string;
  off: ReadonlySet<string>;
  ready: boolean;
}) {
  const { t } = useP();
  if (!dueAt) return <span className="muted">{t('due.none')}</span>;
  const day = vnDay(dueAt);
  let detail: string | null = null;
  if (band === 'overdue') detail = t('due.overdue');
  else if (band === 'paused') detail = t('due.paused');
  else if (band === 'done') detail = null;
  else if (day === today) detail = t('due.today');
  // The server's band decides "overdue": a device clock that is off must not contradict it.
  else if (day < today) detail = null;
  else if (ready) detail = t('due.left', { count: workingDaysLeft(today, day, off) });
  return (
    <span className="due">
      <span className="nowrap">
        {t('due.label')} <time dateTime={dueAt}>{dayToText(day)}</time>
      </span>
      {detail ? <span className={`due__detail due__detail--${band}`}>{detail}</span> : null}
    </span>
  );
}
