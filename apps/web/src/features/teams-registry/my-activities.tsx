import { teamActivityKindLabels } from '@cqs/shared';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { currentLanguage } from '../../i18n';
import { dayToText } from '../processing/format';
import { useTr } from './i18n';
import { useMemberActivities } from './teams-api';

/**
 * The help a member logged, newest first, under the form: so a member sees at once that what they
 * just saved is recorded (the list refreshes after each save) and can check the days they worked.
 */
export function MyActivities({ unitCode, memberId }: { unitCode: string; memberId: string }) {
  const { t } = useTr();
  const lang = currentLanguage();
  const activities = useMemberActivities(unitCode, memberId);
  return (
    <section aria-labelledby="tr-mine" className="tr-mine" data-testid="tr-my-activities">
      <h2 id="tr-mine">{t('mine.title')}</h2>
      {activities.isPending ? <Loading /> : null}
      {activities.isError ? (
        <ErrorMessage error={activities.error} onRetry={() => activities.refetch()} />
      ) : null}
      {activities.data?.items.length === 0 ? <p>{t('mine.empty')}</p> : null}
      {activities.data && activities.data.items.length > 0 ? (
        <>
          <ul className="tr-mine__list">
            {activities.data.items.map((a) => (
              <li key={a.id} className="tr-mine__item" data-testid={`tr-my-activity-${a.id}`}>
                <p className="tr-mine__head">
                  <span className="tr-mine__date">{dayToText(a.date)}</span>{' '}
                  {teamActivityKindLabels[a.kind][lang]}
                </p>
                {a.attendees !== null ? <p>{t('mine.attendees', { count: a.attendees })}</p> : null}
                {a.residentRef ? <p>{t('mine.resident', { ref: a.residentRef })}</p> : null}
                {a.notes ? <p className="tr-mine__notes">{a.notes}</p> : null}
                {a.source !== 'manual' ? (
                  <p className="hint">{t(`mine.source.${a.source}`)}</p>
                ) : null}
              </li>
            ))}
          </ul>
          {activities.data.total > activities.data.items.length ? (
            <p className="hint">
              {t('mine.more', {
                shown: activities.data.items.length,
                total: activities.data.total,
              })}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
