import { feedbackIndicatorDefinitions, teamIndicatorDefinitions } from '@cqs/shared';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { currentLanguage } from '../../i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useServiceIndex } from './dashboard-api';
import { formatValue } from './format';
import { useDt } from './i18n';
import { presetRange } from './period';
import type { dashboardVi } from './strings-vi';
import { useDashboardViewer, useToday } from './use-dashboard';

/** Numbers without a definition in the API or @cqs/shared: defined in this feature's strings. */
type Local = keyof (typeof dashboardVi)['glossary']['def'];

/** Labels of the feedback row's numbers (their definitions come from @cqs/shared). */
const feedbackLabels: Record<keyof typeof feedbackIndicatorDefinitions, string> = {
  received: 'feedback.received',
  answered: 'feedback.answered',
  answeredOnTime: 'feedback.onTime',
  answeredLate: 'feedback.late',
  openOverdue: 'feedback.openOverdue',
  open: 'feedback.open',
  onTimeRate: 'feedback.onTimeRate',
  averageHandlingHours: 'feedback.averageHours',
  rated: 'feedback.rated',
  averageRating: 'feedback.rating',
  satisfiedShare: 'feedback.satisfied',
  rejected: 'feedback.rejected',
};

const localTerms: { heading: 'other' | 'tasks'; items: { key: Local; label: string }[] }[] = [
  {
    heading: 'other',
    items: [
      { key: 'index_points', label: 'indicator.index_points' },
      { key: 'received', label: 'indicator.received' },
      { key: 'dossiers_overdue', label: 'indicator.dossiers_overdue' },
    ],
  },
  {
    heading: 'tasks',
    items: [
      { key: 'task_overdue', label: 'steering.status.overdue' },
      { key: 'task_done_on_time', label: 'steering.status.done_on_time' },
    ],
  },
];

function Terms({ items }: { items: { id: string; label: string; text: string }[] }) {
  return (
    <dl className="db-terms">
      {items.map((item) => (
        <div key={item.id} className="db-term" data-testid={`db-term-${item.id}`}>
          <dt id={`term-${item.id}`} tabIndex={-1}>
            {item.label}
          </dt>
          <dd>
            <p>{item.text}</p>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Scrolls to `#key` once the entries are on the page (links from the "i" buttons). */
function useScrollToHash(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const el = document.getElementById(`term-${decodeURIComponent(hash.slice(1))}`);
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [ready, hash]);
}

/**
 * `/can-bo/dieu-hanh/thuat-ngu`: what every number means. The service-index definitions are the
 * API's own texts (the same the cards show), so the glossary and the formula cannot disagree.
 */
export function GlossaryPage() {
  const { t } = useDt();
  const lang = currentLanguage();
  useDocumentTitle(t('glossary.title'));
  const { home } = useDashboardViewer();
  const today = useToday();
  const index = useServiceIndex({ ...presetRange('month', today), unit: home?.unitCode ?? '' });
  useScrollToHash(!index.isPending);

  return (
    <div className="db-page db-glossary" data-testid="db-glossary">
      <h1>{t('glossary.title')}</h1>
      <p className="lead">{t('glossary.lead')}</p>
      <section className="db-section" aria-labelledby="db-gl-index">
        <h2 id="db-gl-index">{t('glossary.index')}</h2>
        {index.isPending ? (
          <Loading />
        ) : index.isError ? (
          <>
            <p className="notice notice--warning">{t('glossary.indexUnavailable')}</p>
            <ErrorMessage error={index.error} onRetry={() => index.refetch()} />
          </>
        ) : (
          index.data.groups.map((g) => (
            <div key={g.key} className="db-gl-group">
              <h3>
                {g.label[lang]}{' '}
                <span className="db-muted">({t('glossary.points', { count: g.maxPoints })})</span>
              </h3>
              <dl className="db-terms">
                {g.components.map((c) => (
                  <div key={c.key} className="db-term" data-testid={`db-term-${c.key}`}>
                    <dt id={`term-${c.key}`} tabIndex={-1}>
                      {c.label[lang]}{' '}
                      <span className="db-muted">
                        (
                        {c.maxPoints
                          ? t('glossary.points', { count: c.maxPoints })
                          : t('glossary.trackedOnly')}
                        )
                      </span>
                    </dt>
                    <dd>
                      <p>{c.definition[lang]}</p>
                      {c.status === 'computed' && c.threshold < 1 ? (
                        <p className="db-muted">
                          {t(c.maxPoints === 0 ? 'glossary.target' : 'glossary.threshold', {
                            threshold: formatValue(c.threshold, 'percent', lang),
                          })}
                        </p>
                      ) : null}
                      {c.status === 'no_data' ? (
                        <p className="db-nodata">
                          {t('glossary.noData', { reason: c.reason[lang] })}
                        </p>
                      ) : null}
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          ))
        )}
      </section>
      {localTerms.map((group) => (
        <section
          key={group.heading}
          className="db-section"
          aria-labelledby={`db-gl-${group.heading}`}
        >
          <h2 id={`db-gl-${group.heading}`}>{t(`glossary.${group.heading}`)}</h2>
          <Terms
            items={group.items.map((item) => ({
              id: item.key,
              label: t(item.label as 'indicator.received'),
              text: t(`glossary.def.${item.key}`),
            }))}
          />
        </section>
      ))}
      <section className="db-section" aria-labelledby="db-gl-feedback">
        <h2 id="db-gl-feedback">{t('glossary.feedback')}</h2>
        <Terms
          items={Object.entries(feedbackIndicatorDefinitions).map(([key, text]) => ({
            id: `feedback-${key}`,
            label: t(feedbackLabels[key as keyof typeof feedbackLabels] as 'feedback.received'),
            text: text[lang],
          }))}
        />
      </section>
      <section className="db-section" aria-labelledby="db-gl-teams">
        <h2 id="db-gl-teams">{t('glossary.teams')}</h2>
        <Terms
          items={Object.entries(teamIndicatorDefinitions).map(([key, text]) => ({
            id: `teams-${key}`,
            label: t(`teams.${key as keyof typeof teamIndicatorDefinitions}`),
            text: text[lang],
          }))}
        />
      </section>
    </div>
  );
}
