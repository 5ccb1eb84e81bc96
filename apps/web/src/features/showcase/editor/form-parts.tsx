import type { ReactElement, ReactNode } from 'react';
import { cloneElement } from 'react';
import { useEt } from './i18n';

/** Errors by field path as the API and the shared schema name them ("products.0.name"). */
export type FieldErrors = Record<string, string>;

/** The id of the input for a field path: the error summary links to it. */
export const fieldId = (path: string) => `sce-${path.replace(/\./g, '-')}`;

/**
 * A labelled input with its hint and error above it (the pattern of the other back-office
 * forms): the child gets id, aria-invalid and aria-describedby.
 */
export function Field({
  path,
  label,
  hint,
  errors,
  children,
  after,
}: {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  errors: FieldErrors;
  children: ReactElement<Record<string, unknown>>;
  after?: ReactNode;
}) {
  const id = fieldId(path);
  const error = errors[path];
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined;
  return (
    <div className={`field sce-field${error ? ' field--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {after}
    </div>
  );
}

/** Moves item `i` by `delta` places (−1 up, +1 down); the list's order is the page's order. */
export function moved<T>(list: T[], i: number, delta: -1 | 1): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/** Up, down and remove for one item of an ordered list; what happened is announced. */
export function ItemControls({
  index,
  count,
  name,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  name: string;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useEt();
  return (
    <div className="sce-item-controls">
      <button
        type="button"
        className="btn btn--quiet btn--small"
        disabled={index === 0}
        onClick={() => onMove(-1)}
        aria-label={t('list.upNamed', { name })}
      >
        ↑ {t('list.up')}
      </button>
      <button
        type="button"
        className="btn btn--quiet btn--small"
        disabled={index === count - 1}
        onClick={() => onMove(1)}
        aria-label={t('list.downNamed', { name })}
      >
        ↓ {t('list.down')}
      </button>
      <button
        type="button"
        className="btn btn--secondary btn--small"
        onClick={onRemove}
        aria-label={t('list.removeNamed', { name })}
      >
        {t('list.remove')}
      </button>
    </div>
  );
}
