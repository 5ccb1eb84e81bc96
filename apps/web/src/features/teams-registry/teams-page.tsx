import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useTr } from './i18n';
import { useTeams } from './teams-api';
import './teams-registry.css';

/** The officer's working unit (a commune, or the province for all communes). */
export function useWorkingUnit(): { code: string; name: string } | null {
  const session = useSession();
  const officer = session.officer;
  const code = officer?.activeUnitCode;
  if (!officer || !code) return null;
  const grant = officer.grants.find((g) => g.unitCode === code);
  return { code, name: grant?.unitName ?? code };
}

/** Links to the registry's other screens. */
export function RegistryLinks() {
  const { t } = useTr();
  return (
    <nav aria-label={t('list.actions')} className="tr-links">
      <Link className="btn btn--primary" to="/can-bo/to-cong-nghe/hoat-dong/moi">
        {t('list.log')}
      </Link>
      <Link className="btn btn--secondary" to="/can-bo/to-cong-nghe/nhap">
        {t('list.import')}
      </Link>
      <Link className="btn btn--secondary" to="/can-bo/to-cong-nghe/chi-so">
        {t('list.indicators')}
      </Link>
    </nav>
  );
}

/** `/can-bo/to-cong-nghe`: the teams of the working unit, searchable, paged. */
export function TeamsPage() {
  const { t } = useTr();
  useDocumentTitle(t('list.title'));
  const id = useId();
  const unit = useWorkingUnit();
  const [text, setText] = useState('');
  const [filter, setFilter] = useState({ q: '', status: '', page: 1 });
  const teams = useTeams({ unitCode: unit?.code ?? '', ...filter });

  if (!unit) return <p className="notice">{t('chooseUnit')}</p>;
  const data = teams.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <div className="tr">
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.lead', { unit: unit.name })}</p>
      <RegistryLinks />
      <form
        className="tr-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter((f) => ({ ...f, q: text.trim(), page: 1 }));
        }}
      >
        <div className="field">
          <label className="label" htmlFor={`${id}-q`}>
            {t('list.search')}
          </label>
          <input
            id={`${id}-q`}
            className="input"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="label" htmlFor={`${id}-status`}>
            {t('list.status')}
          </label>
          <select
            id={`${id}-status`}
            className="select"
            value={filter.status}
            onChange={(e) => setFilter((f) => ({ ...f, status: e.target.value, page: 1 }))}
          >
            <option value="">{t('list.all')}</option>
            <option value="active">{t('status.active')}</option>
            <option value="inactive">{t('status.inactive')}</option>
          </select>
        </div>
        <button type="submit" className="btn btn--secondary">
          {t('list.filter')}
        </button>
      </form>
      {teams.isPending ? <Loading /> : null}
      {teams.isError ? <ErrorMessage error={teams.error} onRetry={() => teams.refetch()} /> : null}
      {data ? (
        <>
          <p className="results__count" role="status">
            {t('list.total', { count: data.total })}
          </p>
          {data.items.length === 0 ? (
            <p className="empty">{t('list.empty')}</p>
          ) : (
            <table className="table table--stack tr-table" data-testid="teams-table">
              <caption className="visually-hidden">{t('list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('list.name')}</th>
                  <th scope="col">{t('list.commune')}</th>
                  <th scope="col">{t('list.village')}</th>
                  <th scope="col">{t('list.members')}</th>
                  <th scope="col">{t('list.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((team) => (
                  <tr key={team.id}>
                    <th scope="row" data-label={t('list.name')}>
                      <Link to={`/can-bo/to-cong-nghe/${team.id}`}>{team.name}</Link>
                    </th>
                    <td data-label={t('list.commune')}>{team.communeName}</td>
                    <td data-label={t('list.village')}>{team.village}</td>
                    <td data-label={t('list.members')}>{team.memberCount}</td>
                    <td data-label={t('list.status')}>{t(`status.${team.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {pages > 1 ? (
            <nav className="pager" aria-label={t('list.page', { page: filter.page, pages })}>
              <button
                type="button"
                className="btn btn--secondary btn--small"
                disabled={filter.page <= 1}
                onClick={() => setFilter((f) => ({ ...f, page: f.page - 1 }))}
              >
                {t('list.prev')}
              </button>
              <span className="pager__status">{t('list.page', { page: filter.page, pages })}</span>
              <button
                type="button"
                className="btn btn--secondary btn--small"
                disabled={filter.page >= pages}
                onClick={() => setFilter((f) => ({ ...f, page: f.page + 1 }))}
              >
                {t('list.next')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
