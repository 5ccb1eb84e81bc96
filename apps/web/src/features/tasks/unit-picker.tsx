import { useId, useMemo, useState } from 'react';
import { useTk } from './i18n';
import type { UnitSummary } from './tasks-api';

const shown = 40;

/** Lower case without diacritics (đ → d): "buon ma thuot" finds "Buôn Ma Thuột", hòa/hoà alike. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
}

/**
 * A searchable multi-select of the units the task may go to: a filter box, a checkbox list (the
 * first matches, communes then departments), the chosen units as removable chips and an
 * "all communes" shortcut. Plain checkboxes keep it usable with a keyboard and a screen reader.
 */
export function UnitPicker({
  id,
  units,
  chosen,
  onChange,
  error,
}: {
  id: string;
  units: UnitSummary[];
  chosen: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTk();
  const listId = useId();
  const [query, setQuery] = useState('');
  const byCode = useMemo(() => new Map(units.map((u) => [u.code, u])), [units]);
  const communes = useMemo(() => units.filter((u) => u.kind === 'commune'), [units]);
  const matches = useMemo(() => {
    const q = fold(query.trim());
    const hits = q
      ? units.filter((u) => fold(`${u.name} ${u.fullName} ${u.code}`).includes(q))
      : units;
    // Communes first, then departments, each by short name (so "Phường …" and "Xã …" mix in
    // alphabetical order of the place); the list shows the official full name.
    return [...hits].sort(
      (a, b) =>
        Number(a.kind !== 'commune') - Number(b.kind !== 'commune') ||
        a.name.localeCompare(b.name, 'vi'),
    );
  }, [units, query]);
  const chosenSet = new Set(chosen);

  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...chosen.filter((c) => c !== code), code] : chosen.filter((c) => c !== code));
  const allCommunes = () => onChange([...new Set([...chosen, ...communes.map((c) => c.code)])]);

  return (
    <div className={`field tk-picker${error ? ' field--error' : ''}`} data-testid="tk-assignees">
      <label className="label" htmlFor={id}>
        {t('assign.assignees')} <span className="proc-required">{t('common.required')}</span>
      </label>
      <p className="hint" id={`${id}-hint`}>
        {t('assign.assigneesHint')}
      </p>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="tk-picker__bar">
        <input
          id={id}
          type="search"
          className="input"
          value={query}
          placeholder={t('assign.search')}
          onChange={(e) => setQuery(e.target.value)}
          aria-controls={listId}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].join(' ').trim()}
          autoComplete="off"
          data-testid="tk-assignee-search"
        />
        {communes.length > 0 ? (
          <button
            type="button"
            className="btn btn--secondary btn--small"
            onClick={allCommunes}
            data-testid="tk-all-communes"
          >
            {t('assign.allCommunes', { count: communes.length })}
          </button>
        ) : null}
        {chosen.length > 0 ? (
          <button type="button" className="btn btn--quiet btn--small" onClick={() => onChange([])}>
            {t('assign.clear')}
          </button>
        ) : null}
      </div>
      <p
        className="tk-picker__count"
        role="status"
        aria-live="polite"
        data-testid="tk-chosen-count"
      >
        {t('assign.chosen', { count: chosen.length })}
      </p>
      {chosen.length > 0 ? (
        <ul className="tk-chips" data-testid="tk-chosen">
          {chosen.map((code) => {
            const name = byCode.get(code)?.fullName ?? code;
            return (
              <li key={code} className="tk-chip" data-code={code}>
                {name}
                <button
                  type="button"
                  className="tk-chip__remove"
                  onClick={() => toggle(code, false)}
                  aria-label={t('assign.remove', { name })}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <ul className="tk-options" id={listId} aria-label={t('assign.assignees')}>
        {matches.slice(0, shown).map((u) => (
          <li key={u.code}>
            <label className="tk-option">
              <input
                type="checkbox"
                checked={chosenSet.has(u.code)}
                onChange={(e) => toggle(u.code, e.target.checked)}
                data-testid={`tk-unit-${u.code}`}
              />
              <span>{u.fullName}</span>
              <span className="muted tk-option__kind">
                {u.kind === 'commune' ? t('assign.groupCommunes') : t('assign.groupDepartments')}
              </span>
            </label>
          </li>
        ))}
        {matches.length === 0 ? <li className="muted">{t('assign.noMatch')}</li> : null}
        {matches.length > shown ? (
          <li className="muted">{t('assign.more', { count: matches.length - shown })}</li>
        ) : null}
      </ul>
    </div>
  );
}
