import type { ReactElement, ReactNode } from 'react';
import { cloneElement } from 'react';
import { useTk } from './i18n';

/**
 * A labelled input with its hint and its error right above it (GOV.UK pattern used by the
 * processing forms): the child input gets id, aria-invalid and aria-describedby.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null | undefined;
  required?: boolean;
  children: ReactElement<Record<string, unknown>>;
}) {
  const { t } = useTk();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].join(' ').trim() || undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}{' '}
        {required === undefined ? null : required ? (
          <span className="proc-required">{t('common.required')}</span>
        ) : (
          <span className="muted">{t('common.optional')}</span>
        )}
      </label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required || undefined,
      })}
    </div>
  );
}
