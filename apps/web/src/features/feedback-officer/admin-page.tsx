import { type OfficerRole, permissions } from '@cqs/shared';
import { useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { ApiClientError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CategoriesPanel } from './categories-panel';
import { useRoutingRules, useSaveRules } from './feedback-officer-api';
import { useF } from './i18n';
import { useNames } from './report-page';
import { RouteTestBox } from './route-test-box';
import {
  apiErrorsToDrafts,
  emptyDraft,
  fromDrafts,
  type RuleDraft,
  type RuleErrors,
  toDraft,
} from './rule-draft';
import { RulesList } from './rules-editor';
import '../processing/processing.css';
import './feedback-officer.css';

/** "Quản trị phản ánh": routing rules (saved all at once), the route tester, the categories. */
export function FeedbackAdminPage() {
  const { t } = useF();
  useDocumentTitle(t('admin.title'));
  const { officer } = useSession();
  const allowed = officer?.grants.some((g) =>
    (permissions['feedback.manage'] as readonly OfficerRole[]).includes(g.role),
  );
  const names = useNames();
  const saved = useRoutingRules();
  const save = useSaveRules();
  const [drafts, setDraftsState] = useState<RuleDraft[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<RuleErrors>({});
  const [open, setOpenState] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const messageRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (saved.data && drafts === null) setDraftsState(saved.data.rules.map(toDraft));
  }, [saved.data, drafts]);
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const messages = {
    areaInvalid: t('admin.rules.areaInvalid'),
    communeMissing: t('admin.rules.communeMissing'),
    targetMissing: t('admin.rules.targetMissing'),
  };
  const current = drafts ? fromDrafts(drafts, messages) : null;

  if (!allowed) return <p className="notice notice--warning">{t('admin.forbidden')}</p>;

  const setDrafts = (update: (d: RuleDraft[]) => RuleDraft[]) => {
    setDraftsState((d) => update(d ?? []));
    setDirty(true);
    setMessage(null);
  };
  const setOpen = (key: string, on: boolean) =>
    setOpenState((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const submit = () => {
    if (!drafts || !current) return;
    if (Object.keys(current.errors).length > 0) {
      setErrors(current.errors);
      setMessage({ kind: 'error', text: t('admin.rules.hasErrors') });
      return;
    }
    setErrors({});
    save.mutate(current.rules, {
      onSuccess: (result) => {
        setDraftsState(result.rules.map(toDraft));
        setOpenState(new Set());
        setDirty(false);
        setMessage({ kind: 'ok', text: t('admin.rules.saved', { count: result.rules.length }) });
      },
      onError: (e) => {
        const found = e instanceof ApiClientError ? apiErrorsToDrafts(drafts, e.fields) : {};
        setErrors(found);
        const text =
          Object.keys(found).length > 0
            ? t('admin.rules.hasErrors')
            : e instanceof ApiClientError
              ? e.message
              : t('common.unexpected');
        setMessage({ kind: 'error', text });
      },
    });
  };

  return (
    <div className="proc fbo" data-testid="fb-admin">
      <h1>{t('admin.title')}</h1>
      <p className="lead">{t('admin.lead')}</p>
      <div className="ws-grid">
        <div className="ws-main">
          <section className="ws-section" aria-labelledby="fb-rules-h" data-testid="rules">
            <h2 id="fb-rules-h">{t('admin.rules.heading')}</h2>
            <p className="hint">{t('admin.rules.lead')}</p>
            {message ? (
              <p
                ref={messageRef}
                tabIndex={-1}
                className={`notice notice--${message.kind}`}
                role={message.kind === 'error' ? 'alert' : 'status'}
                data-testid="rules-message"
              >
                {message.text}
              </p>
            ) : null}
            <p className="visually-hidden" role="status" aria-live="polite">
              {announcement}
            </p>
            {saved.isPending || drafts === null ? (
              saved.isError ? (
                <ErrorMessage error={saved.error} onRetry={() => saved.refetch()} />
              ) : (
                <Loading />
              )
            ) : (
              <RulesList
                drafts={drafts}
                setDrafts={setDrafts}
                errors={errors}
                open={open}
                setOpen={setOpen}
                categories={names.categories}
                units={names.units}
                announce={setAnnouncement}
              />
            )}
            <div className="button-row">
              <button
                type="button"
                className="btn btn--secondary"
                onClick={() => {
                  const fresh = emptyDraft();
                  setDrafts((d) => [...d, fresh]);
                  setOpen(fresh.key, true);
                }}
                data-testid="rule-add"
              >
                {t('admin.rules.add')}
              </button>
              <button
                type="button"
                className="btn btn--primary"
                disabled={save.isPending || !dirty}
                onClick={submit}
                data-testid="rules-save"
              >
                {save.isPending ? t('common.saving') : t('admin.rules.save')}
              </button>
              {dirty ? (
                <button
                  type="button"
                  className="btn btn--quiet"
                  onClick={() => {
                    setDraftsState(saved.data ? saved.data.rules.map(toDraft) : []);
                    setDirty(false);
                    setErrors({});
                    setMessage(null);
                  }}
                >
                  {t('admin.rules.undo')}
                </button>
              ) : null}
            </div>
            {dirty ? <p className="hint">{t('admin.rules.unsaved')}</p> : null}
          </section>
        </div>
        <aside className="ws-side">
          <RouteTestBox
            categories={names.categories}
            units={names.units}
            draftRules={current && Object.keys(current.errors).length === 0 ? current.rules : null}
            dirty={dirty}
          />
        </aside>
      </div>
      <CategoriesPanel categories={names.categories} />
    </div>
  );
}
