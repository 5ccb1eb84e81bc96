// The officers' showcase editor (issue 8 §5): its own lazy chunk with its own strings
// (namespace `showcaseEditor`); it renders the preview with the public page's component.
import '../i18n';
import './i18n';

export { ShowcaseEditorPage } from './editor-page';
