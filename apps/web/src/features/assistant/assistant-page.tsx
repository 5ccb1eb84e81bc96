import { useDocumentTitle } from '../../lib/use-document-title';
import { useAssistantT } from './assistant-i18n';
import { Chat } from './chat';
import './assistant.css';

const stay = () => {};

/** `/tro-ly`: the assistant as a page of its own (same conversation as the panel). */
export function AssistantPage() {
  const { t } = useAssistantT();
  useDocumentTitle(t('title'));
  return (
    <div className="assistant-page" data-testid="assistant-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <Chat onNavigate={stay} />
    </div>
  );
}
