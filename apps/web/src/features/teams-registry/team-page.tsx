import {
  permissions,
  type TeamMemberCreate,
  type TeamMemberRole,
  teamActivityKindLabels,
  teamMemberRoleLabels,
  teamMemberRoles,
} from '@cqs/shared';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { currentLanguage } from '../../i18n';
import { ApiClientError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { dayToText } from '../processing/format';
import { useTr } from './i18n';
import { useAddMember, useTeam, useTeamActivities } from './teams-api';
import './teams-registry.css';

const manageRoles: readonly string[] = permissions['teams.manage'];

/** `/can-bo/to-cong-nghe/:id`: a team, its members (add one) and its recent activities. */
export function TeamPage() {
  const { id = '' } = useParams();
  const { t } = useTr();
  const lang = currentLanguage();
  const team = useTeam(id);
  const activities = useTeamActivities(team.data?.communeCode ?? '', id);
  const session = useSession();
  const canManage = session.officer?.grants.some((g) => manageRoles.includes(g.role)) ?? false;
  useDocumentTitle(team.data?.name ?? t('list.title'));

  return (
    <div className="tr">
      <p>
        <Link to="/can-bo/to-cong-nghe" className="back-link">
          {t('team.back')}
        </Link>
      </p>
      {team.isPending ? <Loading /> : null}
      {team.isError ? <ErrorMessage error={team.error} onRetry={() => team.refetch()} /> : null}
      {team.data ? (
        <>
          <h1>
            {team.data.name}{' '}
            {team.data.isDemo ? <span className="tag tag--soon">{t('demo')}</span> : null}
          </h1>
          <p className="lead">
            {team.data.communeName} · {team.data.village} · {t(`status.${team.data.status}`)}
          </p>
          <p>
            <Link
              className="btn btn--primary"
              to={`/can-bo/to-cong-nghe/hoat-dong/moi?to=${team.data.id}`}
            >
              {t('team.log')}
            </Link>
          </p>
          <section aria-labelledby="tr-members">
            <h2 id="tr-members">{t('team.members')}</h2>
            {team.data.members.length === 0 ? (
              <p>{t('team.noMembers')}</p>
            ) : (
              <table className="table table--stack" data-testid="team-members">
                <caption className="visually-hidden">{t('team.membersCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('team.name')}</th>
                    <th scope="col">{t('team.role')}</th>
                    <th scope="col">{t('team.phone')}</th>
                    <th scope="col">{t('team.village')}</th>
                    <th scope="col">{t('team.account')}</th>
                  </tr>
                </thead>
                <tbody>
                  {team.data.members.map((m) => (
                    <tr key={m.id}>
                      <th scope="row" data-label={t('team.name')}>
                        {m.fullName}
                      </th>
                      <td data-label={t('team.role')}>{teamMemberRoleLabels[m.role][lang]}</td>
                      <td data-label={t('team.phone')}>{m.phone ?? '—'}</td>
                      <td data-label={t('team.village')}>{m.village ?? '—'}</td>
                      <td data-label={t('team.account')}>
                        {m.userId ? t('team.hasAccount') : t('team.noAccount')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {canManage ? <AddMemberForm teamId={team.data.id} /> : null}
          </section>
          <section aria-labelledby="tr-activities">
            <h2 id="tr-activities">{t('team.activities')}</h2>
            {activities.isError ? <ErrorMessage error={activities.error} /> : null}
            {activities.data && activities.data.items.length === 0 ? (
              <p>{t('team.noActivities')}</p>
            ) : null}
            {activities.data && activities.data.items.length > 0 ? (
              <table className="table table--stack">
                <caption className="visually-hidden">{t('team.activitiesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('team.date')}</th>
                    <th scope="col">{t('team.kind')}</th>
                    <th scope="col">{t('team.member')}</th>
                    <th scope="col">{t('team.notes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {activities.data.items.map((a) => (
                    <tr key={a.id}>
                      <td data-label={t('team.date')}>{dayToText(a.date)}</td>
                      <td data-label={t('team.kind')}>
                        {teamActivityKindLabels[a.kind][lang]}
                        {a.attendees ? ` (${a.attendees})` : ''}
                      </td>
                      <td data-label={t('team.member')}>{a.memberName}</td>
                      <td data-label={t('team.notes')}>{a.notes ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
        </>
      ) : null}
    </div>
  );
}

function AddMemberForm({ teamId }: { teamId: string }) {
  const { t } = useTr();
  const id = useId();
  const lang = currentLanguage();
  const add = useAddMember(teamId);
  const empty = { fullName: '', role: 'khac' as TeamMemberRole, phone: '', village: '' };
  const [form, setForm] = useState(empty);
  const [done, setDone] = useState('');
  const fieldError = (path: string) =>
    add.error instanceof ApiClientError
      ? add.error.fields.find((f) => f.path.endsWith(path))?.message
      : undefined;
  const field = (name: keyof typeof form, label: string, hint?: string) => {
    const error = fieldError(name);
    return (
      <div className={`field${error ? ' field--error' : ''}`}>
        <label className="label" htmlFor={`${id}-${name}`}>
          {label}
        </label>
        {hint ? (
          <p className="hint" id={`${id}-${name}-hint`}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p className="field__error" id={`${id}-${name}-error`}>
            {error}
          </p>
        ) : null}
        <input
          id={`${id}-${name}`}
          className="input"
          value={form[name]}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [hint ? `${id}-${name}-hint` : '', error ? `${id}-${name}-error` : '']
              .join(' ')
              .trim() || undefined
          }
          onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
        />
      </div>
    );
  };
  return (
    <form
      className="tr-form"
      onSubmit={(e) => {
        e.preventDefault();
        setDone('');
        const input = {
          fullName: form.fullName,
          role: form.role,
          phone: form.phone.trim() || null,
          village: form.village.trim() || null,
        } as TeamMemberCreate;
        add.mutate(input, {
          onSuccess: (member) => {
            setDone(t('team.added', { name: member.fullName }));
            setForm(empty);
          },
        });
      }}
    >
      <h3>{t('team.addMember')}</h3>
      {field('fullName', t('team.name'))}
      <div className="field">
        <label className="label" htmlFor={`${id}-role`}>
          {t('team.role')}
        </label>
        <select
          id={`${id}-role`}
          className="select"
          value={form.role}
          onChange={(e) => setForm((f) => ({ ...f, role: e.target.value as TeamMemberRole }))}
        >
          {teamMemberRoles.map((role) => (
            <option key={role} value={role}>
              {teamMemberRoleLabels[role][lang]}
            </option>
          ))}
        </select>
      </div>
      {field('phone', t('team.phone'), t('team.phoneHint'))}
      {field('village', t('team.village'))}
      {add.isError && !fieldError('fullName') && !fieldError('phone') && !fieldError('village') ? (
        <ErrorMessage error={add.error} />
      ) : null}
      <button type="submit" className="btn btn--primary" disabled={add.isPending}>
        {t('team.add')}
      </button>
      <p role="status">{done}</p>
    </form>
  );
}
