/** Parts of the procedure page: actions, where to submit, channels, fees, documents. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import {
  cleanCase,
  cleanNote,
  formatVnd,
  type ProcedureChannel,
  type ProcedureDetail,
  type ProcedureRecord,
  sourceLines,
} from '../lib/procedures';
import { residentSignInUrl, useSession } from '../lib/session';

export function Actions({ procedure }: { procedure: ProcedureDetail }) {
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

export function WhereToSubmit({ procedure }: { procedure: ProcedureDetail }) {
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

export function ChannelsTable({ channels }: { channels: ProcedureChannel[] }) {
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
export function PerChannel({
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
export function SourceText({ text }: { text: string }) {
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

export function TimeText({ channel }: { channel: ProcedureChannel }) {
  const { t } = useTranslation();
  const value = channel.time_value;
  if (value == null) {
    return <>{channel.processing_time?.trim() || t('procedure.timeUnknown')}</>;
  }
  const label = channel.time_unit?.trim();
  // The portal often omits the unit ("1"): working days are the default unit (DOMAIN.md §4), and
  // the due date of the dossier is computed that way, so the page says the same.
  const unit = label ? timeUnits[label.normalize('NFC').toLowerCase()] : 'workingDays';
  if (unit) return <>{t(`procedure.units.${unit}`, { count: value })}</>;
  return <>{t('procedure.timeNoUnit', { value: channel.processing_time ?? String(value) })}</>;
}

export function FeeText({
  channel,
  withNote = false,
}: {
  channel: ProcedureChannel;
  withNote?: boolean;
}) {
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

export function DocumentsList({ documents }: { documents: ProcedureRecord['documents'] }) {
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
