// First: Zod must be jitless before any schema is built (no eval under the extension CSP).
import '@/utils/zod-jitless';
import { render } from 'preact';
import { localizeDocument, t } from '@/utils/i18n';
import { ask } from '@/utils/pages/ask';
import { SourceApp } from './App';
import './source.css';

localizeDocument('sourceTitle');
render(
  <SourceApp
    search={location.search}
    ask={ask}
    replaceSearch={(search) => history.replaceState(null, '', `${location.pathname}${search}`)}
    setTitle={(title) => (document.title = t('sourcePageTitle', title))}
  />,
  document.getElementById('app')!,
);
