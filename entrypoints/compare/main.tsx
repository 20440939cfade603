// First: Zod must be jitless before any schema is built (no eval under the extension CSP).
import '@/utils/zod-jitless';
import { render } from 'preact';
import { localizeDocument } from '@/utils/i18n';
import { ask } from '@/utils/pages/ask';
import { readLastSync } from '@/utils/sync/status';
import { CompareApp } from './App';
import './compare.css';

localizeDocument('compareDocTitle');
render(
  <CompareApp
    deps={{
      search: location.search,
      ask,
      replaceSearch: (search) => history.replaceState(null, '', `${location.pathname}${search}`),
      readLastSync: () => readLastSync(),
    }}
  />,
  document.getElementById('app')!,
);
