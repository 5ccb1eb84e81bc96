import {
  type TeamActivityCreate,
  type TeamActivityKind,
  teamActivityKindLabels,
  teamActivityKinds,
} from '@cqs/shared';
import { type ReactNode, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { currentLanguage } from '../../i18n';
import { ApiClientError } from '../../lib/api';
import { useDocumentTitle } from '../../lib/use-document-title';
import { dayToText, vnDay } from '../processing/format';
import { useTr } from './i18n';
import { MyActivities } from './my-activities';
import { useLogActivity, useMyMemberships, useTeam } from './teams-api';
import { RegistryLinks } from './teams-page';
import './teams-registry.css';

/**
 * `/can-bo/to-cong-nghe/hoat-dong/moi[?to=teamId]`: log one activity. A member with an account logs
 * for themselves (their membership is used); a commune officer picks the member of a team.
 */
export function LogActivityPage() {
  const { t } = useTr();
  useDocumentTitle(t('activity.title'));
  const [params] = useSearchParams();
  const teamId = params.get('to');
  const mine = useMyMemberships();
  const team = useTeam(teamId ?? '');
  if (mine.isPending || (teamId && team.isPending)) return <Loading />;
  if (mine.isError) return <ErrorMessage error={mine.error} onRetry={() => mine.refetch()} />;
  const own = mine.data.items.filter((m) => m.status === 'active');
  const members = teamId && team.data ? team.data.members.filter((m) => m.status === 'active') : [];
  return (
    <div className="tr">
      <h1>{t('activity.title')}</h1>
      <p className="lead">{t('activity.lead')}</p>
      {members.length === 0 && own.length === 0 ? (
        <>
          <p className="notice">{t('activity.noMembership')}</p>
          <RegistryLinks />
        </>
      ) : (
        <ActivityForm
          members={members.map((m) => ({ id: m.id, label: `${m.fullName} — ${m.teamName}` }))}
          own={own[0] ? { name: own[0].fullName, team: own[0].teamName } : null}
        />
      )}
      {own[0] ? <MyActivities unitCode={own[0].communeCode} memberId={own[0].id} /> : null}
    </div>
  );
}

function ActivityForm({
  members,
  own,
}: {
  members: { id: string; label: string }[];
  own: { name: string; team: string } | null;
}) {
  const { t } = useTr();
  const id = useId();
  const lang = currentLanguage();
  const log = useLogActivity();
  const summary = useRef<HTMLDivElement>(null);
  const today = vnDay(new Date());
  const [form, setForm] = useState({
    // Empty: the member's own membership, or (for an officer) "choose a member" until one is picked.
    memberId: '',
    date: today,
    kind: 'guided_online_service' as TeamActivityKind,
    attendees: '',
    residentConsent: false,
    residentRef: '',
    notes: '',
  });
  const [done, setDone] = useState('');
  const problems =
    log.error instanceof ApiClientError
      ? Object.fromEntries(log.error.fields.map((f) => [f.path.replace(/^body\./, ''), f.message]))
      : {};
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const wrap = (name: string, label: string, control: ReactNode, hint?: string) => (
    <div className={`field${problems[name] ? ' field--error' : ''}`}>
      <label className="label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      {hint ? <p className="hint">{hint}</p> : null}
      {problems[name] ? (
        <p className="field__error" id={`${id}-${name}-error`}>
          {problems[name]}
        </p>
      ) : null}
      {control}
    </div>
  );
  const describedBy = (name: string) => (problems[name] ? `${id}-${name}-error` : undefined);

  return (
    <form
      className="tr-form"
      noValidate
      data-testid="tr-activity-form"
      onSubmit={(e) => {
        e.preventDefault();
        setDone('');
        const input: TeamActivityCreate = {
          ...(form.memberId ? { memberId: form.memberId } : {}),
          date: form.date,
          kind: form.kind,
          attendees:
            form.kind === 'training_session' && form.attendees ? Number(form.attendees) : null,
          residentConsent: form.residentConsent,
          residentRef: form.residentConsent && form.residentRef.trim() ? form.residentRef : null,
          notes: form.notes.trim() || null,
          dossierId: null,
        };
        log.mutate(input, {
          onSuccess: (a) => {
            setDone(t('activity.saved', { date: dayToText(a.date) }));
            // The consent was one resident's: the next activity starts without it.
            setForm((f) => ({
              ...f,
              attendees: '',
              residentConsent: false,
              residentRef: '',
              notes: '',
            }));
          },
          onError: () => requestAnimationFrame(() => summary.current?.focus()),
        });
      }}
    >
      {log.isError ? (
        <div ref={summary} tabIndex={-1}>
          {Object.keys(problems).length ? (
            // Field problems: what to fix, each a link to its field (the message is also beside it).
            <div className="notice notice--error" role="alert" data-testid="tr-activity-errors">
              <h2 className="notice__title">{t('activity.errors')}</h2>
              <ul>
                {Object.entries(problems).map(([name, message]) => (
                  <li key={name}>
                    <a href={`#${id}-${name}`}>{message}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <ErrorMessage error={log.error} />
          )}
        </div>
      ) : null}
      {members.length ? (
        wrap(
          'memberId',
          t('activity.member'),
          <select
            id={`${id}-memberId`}
            className="select"
            value={form.memberId}
            aria-describedby={describedBy('memberId')}
            onChange={(e) => set({ memberId: e.target.value })}
          >
            {own ? null : <option value="">{t('activity.chooseMember')}</option>}
            {own ? <option value="">{t('activity.own', own)}</option> : null}
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>,
        )
      ) : own ? (
        <p className="notice">{t('activity.own', own)}</p>
      ) : null}
      {wrap(
        'date',
        t('activity.date'),
        <input
          id={`${id}-date`}
          className="input"
          type="date"
          max={today}
          value={form.date}
          aria-invalid={problems.date ? true : undefined}
          data-testid="tr-activity-date"
          aria-describedby={describedBy('date')}
          onChange={(e) => set({ date: e.target.value })}
        />,
      )}
      <fieldset className="field tr-kinds">
        <legend className="label">{t('activity.kind')}</legend>
        {teamActivityKinds.map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="radio"
              name={`${id}-kind`}
              value={kind}
              checked={form.kind === kind}
              onChange={() => set({ kind })}
              data-testid={`tr-activity-kind-${kind}`}
            />{' '}
            {teamActivityKindLabels[kind][lang]}
          </label>
        ))}
      </fieldset>
      {form.kind === 'training_session'
        ? wrap(
            'attendees',
            t('activity.attendees'),
            <input
              id={`${id}-attendees`}
              className="input tr-narrow"
              type="number"
              inputMode="numeric"
              min={1}
              value={form.attendees}
              aria-describedby={describedBy('attendees')}
              aria-invalid={problems.attendees ? true : undefined}
              data-testid="tr-activity-attendees"
              onChange={(e) => set({ attendees: e.target.value })}
            />,
            t('activity.attendeesHint'),
          )
        : null}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={form.residentConsent}
          onChange={(e) => set({ residentConsent: e.target.checked })}
          data-testid="tr-activity-consent"
        />{' '}
        {t('activity.consent')}
      </label>
      {form.residentConsent
        ? wrap(
            'residentRef',
            t('activity.residentRef'),
            <input
              id={`${id}-residentRef`}
              className="input"
              value={form.residentRef}
              aria-describedby={describedBy('residentRef')}
              aria-invalid={problems.residentRef ? true : undefined}
              data-testid="tr-activity-resident"
              onChange={(e) => set({ residentRef: e.target.value })}
            />,
            t('activity.residentRefHint'),
          )
        : null}
      {wrap(
        'notes',
        `${t('activity.notes')} ${t('activity.optional')}`,
        <textarea
          id={`${id}-notes`}
          className="input"
          rows={3}
          value={form.notes}
          aria-describedby={describedBy('notes')}
          aria-invalid={problems.notes ? true : undefined}
          data-testid="tr-activity-notes"
          onChange={(e) => set({ notes: e.target.value })}
        />,
      )}
      <button
        type="submit"
        className="btn btn--primary"
        disabled={log.isPending}
        data-testid="tr-activity-save"
      >
        {log.isPending ? t('activity.saving') : t('activity.save')}
      </button>
      <p role="status" className="tr-done" data-testid="tr-activity-status">
        {done}
      </p>
    </form>
  );
}
