import {
  ShowcaseContent,
  type ShowcaseEditor,
  type ShowcaseImage,
  type ShowcaseManaged,
} from '@cqs/shared';
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { ApiClientError } from '../../../lib/api';
import { useSession } from '../../../lib/session';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { formatDateTime } from '../../processing/format';
import { ShowcaseView } from '../showcase-view';
import { AmbassadorsSection } from './ambassadors';
import { useEditorData, useEditorMutations, useManagedCommunes, usePreview } from './editor-api';
import { type FieldErrors, fieldId } from './form-parts';
import { useEt } from './i18n';
import { ProductsSection } from './products';
import { CoverSection, GallerySection, IntroSection, type SectionProps } from './sections';
import '../showcase.css';
import './editor.css';

type ManagedItem = ShowcaseManaged['items'][number];

/** `/can-bo/gioi-thieu-xa`: the commune's showcase editor (draft, photos, preview, publish). */
export function ShowcaseEditorPage() {
  const { t } = useEt();
  useDocumentTitle(t('title'));
  const id = useId();
  const session = useSession();
  const managed = useManagedCommunes();
  const [params, setParams] = useSearchParams();
  const items = managed.data?.items ?? [];
  const asked = params.get('xa');
  const active = session.officer?.activeUnitCode;
  const code =
    items.find((i) => i.communeCode === asked)?.communeCode ??
    items.find((i) => i.communeCode === active)?.communeCode ??
    (items.length === 1 ? items[0]!.communeCode : null);

  return (
    <div className="sce">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {managed.isPending ? <Loading /> : null}
      {managed.isError ? (
        <ErrorMessage error={managed.error} onRetry={() => managed.refetch()} />
      ) : null}
      {managed.data && items.length === 0 ? <p className="notice">{t('noCommune')}</p> : null}
      {items.length > 1 ? (
        <div className="field sce-picker">
          <label className="label" htmlFor={`${id}-xa`}>
            {t('commune')}
          </label>
          <select
            id={`${id}-xa`}
            className="select"
            value={code ?? ''}
            onChange={(e) => setParams(e.target.value ? { xa: e.target.value } : {})}
            data-testid="sce-commune"
          >
            {code ? null : <option value="">—</option>}
            {items.map((item: ManagedItem) => (
              <option key={item.communeCode} value={item.communeCode}>
                {item.communeName} — {t(`state.${item.state}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {code ? <CommuneEditor key={code} code={code} /> : null}
    </div>
  );
}

function CommuneEditor({ code }: { code: string }) {
  const data = useEditorData(code);
  // Bumped by "reload the newest": the form starts again from the server's draft.
  const [generation, setGeneration] = useState(0);
  if (data.isPending) return <Loading />;
  if (data.isError) return <ErrorMessage error={data.error} onRetry={() => data.refetch()} />;
  return (
    <EditorForm
      key={generation}
      code={code}
      server={data.data}
      onReload={async () => {
        await data.refetch();
        setGeneration((g) => g + 1);
      }}
    />
  );
}

/** Field errors from the shared schema or the API ("content.products.0.name" → "products.0.name"). */
function errorsOf(issues: { path: string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.replace(/^(body\.)?content\.?/, '') || 'introduction';
    out[path] ??= issue.message;
  }
  return out;
}

function EditorForm({
  code,
  server,
  onReload,
}: {
  code: string;
  server: ShowcaseEditor;
  onReload: () => Promise<void>;
}) {
  const { t } = useEt();
  const [content, setContent] = useState(server.draft);
  const [dirty, setDirty] = useState(false);
  const [uploaded, setUploaded] = useState<ShowcaseImage[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const [status, setStatus] = useState('');
  const summary = useRef<HTMLDivElement>(null);
  const { save, publish, unpublish } = useEditorMutations(code);
  const preview = usePreview(code, mode === 'preview');
  const busy = save.isPending || publish.isPending || unpublish.isPending;
  const images = useMemo(
    () => new Map([...uploaded, ...server.images].map((img) => [img.id, img])),
    [uploaded, server.images],
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    setMode('edit');
    requestAnimationFrame(() => summary.current?.focus());
  };

  /** Saves when needed; answers the saved version, or null when it could not. */
  const saveDraft = async (): Promise<number | null> => {
    setFailure(null);
    setStatus('');
    const parsed = ShowcaseContent.safeParse(content);
    if (!parsed.success) {
      showErrors(
        errorsOf(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))),
      );
      return null;
    }
    try {
      const next = await save.mutateAsync({ version: server.draftVersion, content: parsed.data });
      setErrors({});
      setDirty(false);
      setStatus(t('actions.saved'));
      return next.draftVersion;
    } catch (error) {
      if (error instanceof ApiClientError && error.fields.length)
        showErrors(errorsOf(error.fields));
      else setFailure(error);
      return null;
    }
  };

  const ensureSaved = async () =>
    dirty || server.draftVersion === 0 ? saveDraft() : server.draftVersion;

  const doPublish = async () => {
    if (!window.confirm(t('actions.confirmPublish'))) return;
    const version = await ensureSaved();
    if (version === null) return;
    try {
      await publish.mutateAsync(version);
      setStatus(t('actions.published'));
    } catch (error) {
      setFailure(error);
    }
  };

  const doUnpublish = async () => {
    if (!window.confirm(t('actions.confirmUnpublish'))) return;
    try {
      await unpublish.mutateAsync();
      setStatus(t('actions.unpublished'));
    } catch (error) {
      setFailure(error);
    }
  };

  const props: SectionProps = {
    code,
    content,
    errors,
    images,
    change: (next) => {
      setContent(next);
      setDirty(true);
    },
    onUploaded: (image) => setUploaded((list) => [image, ...list]),
    announce: setStatus,
  };
  const errorList = Object.entries(errors);
  const isPublished = server.publishedVersion !== null;
  const conflict =
    failure instanceof ApiClientError && failure.code === 'SHOWCASE_VERSION_CONFLICT';

  return (
    <>
      <StatusBox
        server={server}
        dirty={dirty}
        unpublish={
          server.canPublish && isPublished ? (
            <button
              type="button"
              className="btn btn--secondary btn--small"
              disabled={busy}
              onClick={() => void doUnpublish()}
              data-testid="sce-unpublish"
            >
              {t('actions.unpublish')}
            </button>
          ) : null
        }
      />
      {errorList.length ? (
        <div
          className="notice notice--error"
          role="alert"
          tabIndex={-1}
          ref={summary}
          data-testid="sce-errors"
        >
          <h2 className="notice__title">{t('errors.summary')}</h2>
          <ul className="notice__list">
            {errorList.map(([path, message]) => (
              <li key={path}>
                <a href={`#${fieldId(path)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {failure ? (
        <div>
          <ErrorMessage error={failure} />
          {conflict ? (
            <button type="button" className="btn btn--secondary" onClick={() => void onReload()}>
              {t('actions.reload')}
            </button>
          ) : null}
        </div>
      ) : null}

      {mode === 'preview' ? (
        <section className="sce-preview" aria-label={t('actions.preview')}>
          <p className="notice notice--warning">{t('preview.banner')}</p>
          {preview.isPending ? <Loading /> : null}
          {preview.isError ? <ErrorMessage error={preview.error} /> : null}
          {preview.data ? <ShowcaseView view={preview.data} headingLevel={2} /> : null}
        </section>
      ) : (
        <form
          className="sce-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void saveDraft();
          }}
        >
          <IntroSection {...props} />
          <CoverSection {...props} />
          <ProductsSection {...props} />
          <AmbassadorsSection {...props} />
          <GallerySection {...props} />
          <button type="submit" hidden tabIndex={-1} />
        </form>
      )}

      <section className="sce-actions" aria-label={t('actions.bar')}>
        <p className="sce-actions__status" role="status" data-testid="sce-status">
          {busy ? (save.isPending ? t('actions.saving') : t('actions.publishing')) : status}
        </p>
        <div className="sce-actions__buttons">
          {mode === 'edit' ? (
            <>
              <button
                type="button"
                className="btn btn--secondary"
                disabled={busy}
                onClick={() => void saveDraft()}
                data-testid="sce-save"
              >
                {t('actions.save')}
              </button>
              <button
                type="button"
                className="btn btn--secondary"
                disabled={busy}
                onClick={async () => {
                  if ((await ensureSaved()) !== null) setMode('preview');
                }}
                data-testid="sce-preview"
              >
                {t('actions.preview')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="btn btn--secondary"
              onClick={() => setMode('edit')}
              data-testid="sce-back"
            >
              {t('actions.back')}
            </button>
          )}
          {server.canPublish ? (
            <button
              type="button"
              className="btn btn--primary"
              disabled={busy}
              onClick={() => void doPublish()}
              data-testid="sce-publish"
            >
              {dirty ? t('actions.saveAndPublish') : t('actions.publish')}
            </button>
          ) : null}
        </div>
      </section>
    </>
  );
}

function StatusBox({
  server,
  dirty,
  unpublish,
}: {
  server: ShowcaseEditor;
  dirty: boolean;
  /** Taking the page down is rare: it sits here, not in the always-visible action bar. */
  unpublish: ReactNode;
}) {
  const { t } = useEt();
  const published = server.publishedAt ? formatDateTime(server.publishedAt) : null;
  const changed =
    server.publishedVersion !== null && server.publishedVersion !== server.draftVersion;
  return (
    <section className="sce-status" aria-labelledby="sce-h-status" data-testid="sce-state">
      <h2 id="sce-h-status" className="visually-hidden">
        {t('status.heading')}
      </h2>
      <p className="sce-status__name">
        <strong>{server.communeName}</strong>
        {server.isDemo ? <span className="tag tag--soon">DEMO</span> : null}
      </p>
      <p>
        {published
          ? changed
            ? t('status.changed', { at: published })
            : t('status.published', { at: published })
          : t('status.neverPublished')}{' '}
        {published ? (
          <Link to={`/xa-phuong/${server.communeCode}/gioi-thieu`} target="_blank">
            {t('status.viewPublic')}
          </Link>
        ) : null}
      </p>
      {server.draftUpdatedAt ? (
        <p className="muted">
          {t('status.savedAt', { at: formatDateTime(server.draftUpdatedAt) })}
        </p>
      ) : null}
      {dirty ? <p className="sce-status__dirty">{t('status.unsaved')}</p> : null}
      {server.canPublish ? null : <p className="hint">{t('status.leaderOnly')}</p>}
      {unpublish ? <p>{unpublish}</p> : null}
    </section>
  );
}
