import '../styles/procedures.css';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../components/error-message';
import { Loading } from '../components/loading';
import { ApiClientError } from '../lib/api';
import { type ProcedureDetail, sortChannels, useProcedure } from '../lib/procedures';
import { useDocumentTitle } from '../lib/use-document-title';
import {
  Actions,
  ChannelsTable,
  DocumentsList,
  FeeText,
  PerChannel,
  SourceText,
  TimeText,
  WhereToSubmit,
} from './procedure-parts';
import { OnlineTag } from './procedure-search-page';

export function ProcedurePage() {
  const { code = '' } = useParams();
  const procedure = useProcedure(code);
  const { t } = useTranslation();
  const notFound =
    procedure.error instanceof ApiClientError &&
    (procedure.error.code === 'PROCEDURE_NOT_FOUND' || procedure.error.status === 404);
  useDocumentTitle(
    procedure.data?.name ?? (notFound ? t('procedure.notFoundHeading') : t('procedures.title')),
  );
  useOpenDetailsForPrint();

  if (notFound) {
    return (
      <div className="not-found" data-testid="procedure-not-found">
        <h1>{t('procedure.notFoundHeading')}</h1>
        <p>{t('procedure.notFoundText', { code })}</p>
        <p>
          <Link className="btn btn--primary" to="/thu-tuc">
            {t('procedures.title')}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <>
      <nav aria-label={t('procedure.breadcrumb')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/thu-tuc">{t('nav.procedures')}</Link>
          </li>
          <li aria-current="page">{procedure.data?.name ?? code}</li>
        </ol>
      </nav>
      {procedure.isPending ? <Loading /> : null}
      {procedure.isError ? (
        <ErrorMessage error={procedure.error} onRetry={() => procedure.refetch()} />
      ) : null}
      {procedure.data ? <ProcedureView procedure={procedure.data} /> : null}
    </>
  );
}

/**
 * Collapsed <details> would be left out of a printout: open them all before printing and close the
 * ones that were closed afterwards (procedures.css does the same for engines with ::details-content).
 */
function useOpenDetailsForPrint() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}

const sectionIds = [
  'where',
  'applicants',
  'documents',
  'method',
  'time',
  'fee',
  'steps',
  'agency',
  'results',
  'requirements',
  'legal',
] as const;
type SectionId = (typeof sectionIds)[number] | 'related';

function Section({ id, children }: { id: SectionId; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="proc-section" aria-labelledby={`s-${id}`} id={id}>
      <h2 id={`s-${id}`} className="proc-section__heading">
        {t(`procedure.sections.${id}`)}
        <span className="proc-section__term">{t(`procedure.terms.${id}`)}</span>
      </h2>
      {children}
    </section>
  );
}

function ProcedureView({ procedure }: { procedure: ProcedureDetail }) {
  const { t } = useTranslation();
  const { record } = procedure;
  const channels = sortChannels(record.channels);
  const levels = procedure.levels.map((l) => t(`procedures.levels.${l}`)).join(', ');
  const noInfo = <p className="muted">{t('procedure.noInfo')}</p>;
  const steps = record.steps_text;

  return (
    <article className="proc" data-testid="procedure-detail">
      <p className="caption">
        {t('procedure.caption')}
        <span aria-hidden="true"> · </span>
        {procedure.field}
      </p>
      <h1>{procedure.name}</h1>
      <p className="proc-card__tags">
        {procedure.levels.map((level) => (
          <span key={level} className="tag tag--level">
            {t(`procedures.levels.${level}`)}
          </span>
        ))}
        {procedure.offeredOnline ? <OnlineTag /> : null}
        <span className="proc__code">
          {t('procedure.code')}: {procedure.code}
        </span>
      </p>

      {procedure.centralBranch ? (
        <div className="notice notice--warning" data-testid="central-branch">
          <h2 className="notice__title">{t('procedure.centralTitle')}</h2>
          <p>{t('procedure.central')}</p>
        </div>
      ) : null}

      <Actions procedure={procedure} />

      {procedure.localNotes ? (
        <div className="notice proc__local">
          <h2 className="notice__title">{t('procedure.localNotes')}</h2>
          <SourceText text={procedure.localNotes} />
        </div>
      ) : null}

      <nav className="proc-toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading" className="proc-toc__heading">
          {t('procedure.contents')}
        </h2>
        <ul>
          {sectionIds.map((id) => (
            <li key={id}>
              <a href={`#${id}`}>{t(`procedure.sections.${id}`)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="where">
        <WhereToSubmit procedure={procedure} />
      </Section>

      <Section id="applicants">
        {record.applicants ? <SourceText text={record.applicants} /> : noInfo}
      </Section>

      <Section id="documents">
        <DocumentsList documents={record.documents} />
      </Section>

      <Section id="method">
        {channels.length === 0 ? noInfo : <ChannelsTable channels={channels} />}
      </Section>

      <Section id="time">
        {channels.length === 0 ? (
          noInfo
        ) : (
          <PerChannel
            channels={channels}
            same={(c) => `${c.time_value} ${c.time_unit} ${c.processing_time}`}
            render={(c) => <TimeText channel={c} />}
          />
        )}
      </Section>

      <Section id="fee">
        {channels.length === 0 ? (
          noInfo
        ) : (
          <PerChannel
            channels={channels}
            same={(c) => `${c.fee_vnd}`}
            render={(c) => <FeeText channel={c} />}
          />
        )}
      </Section>

      <Section id="steps">
        {steps ? (
          <details className="proc-more">
            <summary>{t('procedure.showSteps')}</summary>
            <SourceText text={steps} />
          </details>
        ) : (
          noInfo
        )}
      </Section>

      <Section id="agency">
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('procedure.implementing')}</dt>
            <dd>
              {record.implementing_agency ?? <span className="muted">{t('procedure.noInfo')}</span>}
            </dd>
          </div>
          {record.competent_authority &&
          record.competent_authority !== record.implementing_agency ? (
            <div className="facts__row">
              <dt>{t('procedure.competent')}</dt>
              <dd>{record.competent_authority}</dd>
            </div>
          ) : null}
          <div className="facts__row">
            <dt>{t('procedure.levels')}</dt>
            <dd>{levels}</dd>
          </div>
        </dl>
      </Section>

      <Section id="results">
        {record.results.length === 0 ? (
          noInfo
        ) : (
          <ul className="proc-results-list">
            {record.results.map((r) => (
              <li key={`${r.code}-${r.name}`}>{r.name}</li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="requirements">
        {record.requirements_text?.trim() ? (
          record.requirements_text.length > 600 ? (
            <details className="proc-more">
              <summary>{t('procedure.showRequirements')}</summary>
              <SourceText text={record.requirements_text} />
            </details>
          ) : (
            <SourceText text={record.requirements_text} />
          )
        ) : (
          <p>{t('procedure.noRequirements')}</p>
        )}
      </Section>

      <Section id="legal">
        {record.legal_basis.length === 0 ? (
          record.legal_basis_text ? (
            <SourceText text={record.legal_basis_text} />
          ) : (
            noInfo
          )
        ) : (
          <details className="proc-more">
            <summary>{t('procedure.showLegal', { count: record.legal_basis.length })}</summary>
            <ul className="proc-legal">
              {record.legal_basis.map((l, i) => (
                // The source repeats and garbles some entries: the index keeps keys unique.
                // biome-ignore lint/suspicious/noArrayIndexKey: static list, never reordered
                <li key={i}>
                  {l.number ? <strong>{l.number}</strong> : null}
                  {l.number && l.title ? ' — ' : null}
                  {l.title}
                </li>
              ))}
            </ul>
          </details>
        )}
      </Section>

      {record.related_procedures_text ? (
        <Section id="related">
          <SourceText text={record.related_procedures_text} />
        </Section>
      ) : null}

      <footer className="proc__source">
        <p>
          {t('procedure.source')}{' '}
          {record.decision_no ? t('procedure.decision', { no: record.decision_no }) : null}
          {record.decision_no ? '. ' : null}
          {t('procedure.version', { version: procedure.version })}.
        </p>
        {record.source_url ? (
          <p>
            <a href={record.source_url} rel="noopener noreferrer" target="_blank">
              {t('procedure.sourceLink')}
            </a>
          </p>
        ) : null}
        <p className="no-print">
          <Link to="/thu-tuc" className="back-link">
            {t('procedure.back')}
          </Link>
        </p>
      </footer>
    </article>
  );
}
