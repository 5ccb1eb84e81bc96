import '../styles/procedures.css';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorMessage } from '../components/error-message';
import { Loading } from '../components/loading';
import { ApiClientError } from '../lib/api';
import {
  cleanCase,
  cleanNote,
  formatVnd,
  type ProcedureChannel,
  type ProcedureDetail,
  type ProcedureRecord,
  sortChannels,
  sourceLines,
  useProcedure,
} from '../lib/procedures';
import { residentSignInUrl, useSession } from '../lib/session';
import { useDocumentTitle } from '../lib/use-document-title';
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

function Actions({ procedure }: { procedure: ProcedureDetail }) {
  const { t } = useTranslation();
  const submitPath = `/nop-ho-so/${encodeURIComponent(procedure.code)}`;
  const place =
    procedure.whereToSubmit.unitName ??
    (procedure.receivingLevel === 'commune'
      ? t('procedure.communeCentre')
      : t('procedure.provinceCentre'));
  return (
    <div className="proc-actions">
      {procedure.offeredOnline ? (
        <>
          <Link
            className="btn btn--primary btn--big"
            to={submitPath}
            data-print-url={new URL(submitPath, window.location.origin).href}
            data-testid="submit-online"
          >
            {t('procedure.submitOnline')}
          </Link>
          {procedure.onlineLevel ? (
            <p className="proc-actions__note">
              {procedure.onlineLevel === 'toan_trinh'
                ? t('procedure.onlineToanTrinh')
                : t('procedure.onlineMotPhan')}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p className="proc-actions__inperson" data-testid="submit-in-person">
            {t('procedure.submitInPerson', { place })}
          </p>
          <p className="proc-actions__note">{t('procedure.notOnline')}</p>
        </>
      )}
      <p className="proc-actions__print no-print">
        <button type="button" className="btn btn--secondary" onClick={() => window.print()}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path
              d="M7 9V3h10v6M7 17H4v-7h16v7h-3M7 14h10v7H7z"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinejoin="round"
            />
          </svg>
          {t('procedure.print')}
        </button>
      </p>
    </div>
  );
}

/** "Trung tâm … phường Buôn Ma Thuột": the unit type is lower case inside a longer name. */
function lowerUnitType(name: string): string {
  return name.replace(/^(Xã|Phường|Đặc khu)\s/u, (m) => m.toLowerCase());
}

function WhereToSubmit({ procedure }: { procedure: ProcedureDetail }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { resident } = useSession();
  const where = procedure.whereToSubmit;
  const commune = procedure.receivingLevel === 'commune' && !procedure.centralBranch;
  // With no unit named, the note (when given) already says where; the generic centre is a fallback.
  const name =
    where.unitName ??
    (where.note ? null : commune ? t('procedure.communeCentre') : t('procedure.provinceCentre'));

  return (
    <>
      {name ? (
        <p className="proc-where__name">
          {where.unitCode && !commune ? (
            <Link to={`/xa-phuong/${encodeURIComponent(where.unitCode)}`}>{name}</Link>
          ) : (
            name
          )}
        </p>
      ) : null}
      {where.note ? <SourceText text={where.note} /> : null}
      {commune && resident?.communeName && resident.communeCode ? (
        <p className="proc-where__yours" data-testid="your-centre">
          <strong>
            {t('procedure.yourCentre', { name: lowerUnitType(resident.communeName) })}
          </strong>
          <br />
          <Link to={`/xa-phuong/${encodeURIComponent(resident.communeCode)}`}>
            {t('procedure.yourCommune', { name: resident.communeName })}
          </Link>
        </p>
      ) : null}
      {commune && !resident ? (
        <p className="no-print">
          <a href={residentSignInUrl(`${location.pathname}${location.search}`)}>
            {t('procedure.signInForCentre')}
          </a>
        </p>
      ) : null}
      {procedure.record.submission_address ? (
        <p>{t('procedure.address', { address: procedure.record.submission_address })}</p>
      ) : null}
    </>
  );
}

function ChannelsTable({ channels }: { channels: ProcedureChannel[] }) {
  const { t } = useTranslation();
  return (
    <table className="table table--stack proc-channels">
      <caption className="visually-hidden">{t('procedure.terms.method')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('procedure.colChannel')}</th>
          <th scope="col">{t('procedure.colTime')}</th>
          <th scope="col">{t('procedure.colFee')}</th>
        </tr>
      </thead>
      <tbody>
        {channels.map((c) => (
          <tr key={c.channel}>
            <th scope="row" data-label={t('procedure.colChannel')}>
              {t(`procedure.channels.${c.channel}`)}
            </th>
            <td data-label={t('procedure.colTime')}>
              <TimeText channel={c} />
            </td>
            <td data-label={t('procedure.colFee')}>
              <FeeText channel={c} withNote />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One line when every channel says the same, otherwise one line per channel. */
function PerChannel({
  channels,
  same,
  render,
}: {
  channels: ProcedureChannel[];
  same: (channel: ProcedureChannel) => string;
  render: (channel: ProcedureChannel) => ReactNode;
}) {
  const { t } = useTranslation();
  const first = channels[0];
  if (first && channels.every((c) => same(c) === same(first))) {
    return (
      <p className="proc-per-channel">
        <span className="proc-per-channel__label">{t('procedure.allChannels')}: </span>
        {render(first)}
      </p>
    );
  }
  return (
    <ul className="proc-per-channel">
      {channels.map((c) => (
        <li key={c.channel}>
          <span className="proc-per-channel__label">{t(`procedure.channels.${c.channel}`)}: </span>
          {render(c)}
        </li>
      ))}
    </ul>
  );
}

/** The source's text with its own line breaks: one paragraph per line, no invented structure. */
function SourceText({ text }: { text: string }) {
  return (
    <div className="source-text">
      {sourceLines(text).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one static text
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}

const timeUnits: Record<string, 'workingDays' | 'days' | 'hours' | 'months'> = {
  'ngày làm việc': 'workingDays',
  ngày: 'days',
  giờ: 'hours',
  tháng: 'months',
};

function TimeText({ channel }: { channel: ProcedureChannel }) {
  const { t } = useTranslation();
  const value = channel.time_value;
  if (value == null) {
    return <>{channel.processing_time?.trim() || t('procedure.timeUnknown')}</>;
  }
  const unit = channel.time_unit
    ? timeUnits[channel.time_unit.normalize('NFC').toLowerCase()]
    : null;
  if (unit) return <>{t(`procedure.units.${unit}`, { count: value })}</>;
  // The portal often omits the unit ("1"): say so rather than guess days or working days.
  return <>{t('procedure.timeNoUnit', { value: channel.processing_time ?? String(value) })}</>;
}

function FeeText({ channel, withNote = false }: { channel: ProcedureChannel; withNote?: boolean }) {
  const { t } = useTranslation();
  const note = withNote ? cleanNote(channel.fee_or_time_note) : null;
  const amount =
    channel.fee_vnd == null
      ? t('procedure.feeUnknown')
      : channel.fee_vnd === 0
        ? t('procedure.free')
        : formatVnd(channel.fee_vnd);
  return (
    <>
      <strong className="nowrap">{amount}</strong>
      {note ? <span className="proc-note">{note}</span> : null}
    </>
  );
}

function DocumentsList({ documents }: { documents: ProcedureRecord['documents'] }) {
  const { t } = useTranslation();
  const groups = documents.filter((d) => d.items.length > 0);
  if (groups.length === 0) return <p className="muted">{t('procedure.noDocuments')}</p>;
  return (
    <>
      {groups.map((group, gi) => {
        const heading =
          cleanCase(group.case) ?? (groups.length > 1 ? t('procedure.commonDocuments') : null);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: cases of one static record
          <div key={gi} className="proc-docs">
            {heading ? <h3 className="proc-docs__case">{heading}</h3> : null}
            <ol className="proc-docs__list">
              {group.items.map((item, ii) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items of one static record
                <li key={ii} className="proc-docs__item">
                  <p className="proc-docs__name">{item.name}</p>
                  <Quantity originals={item.originals ?? 0} copies={item.copies ?? 0} />
                  {item.form_file ? (
                    <p className="proc-docs__meta">
                      {t('procedure.form')}:{' '}
                      <span className="proc-docs__file">{item.form_file}</span>
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </div>
        );
      })}
    </>
  );
}

function Quantity({ originals, copies }: { originals: number; copies: number }) {
  const { t } = useTranslation();
  // Items with no count are notes that the portal files as documents: no quantity line.
  if (originals <= 0 && copies <= 0) return null;
  const parts = [
    originals > 0 ? t('procedure.originals', { count: originals }) : null,
    copies > 0 ? t('procedure.copies', { count: copies }) : null,
  ].filter(Boolean);
  return (
    <p className="proc-docs__meta">
      {t('procedure.quantity')}: {parts.join(', ')}
    </p>
  );
}
