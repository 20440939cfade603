// First: Zod must be jitless before any schema is built (no eval under the extension CSP).
import '@/utils/zod-jitless';
import { render } from 'preact';
import { MATRIX_PAGE_CSS } from '@/components/page-css';
import { ask } from '@/utils/pages/ask';
import { readLastSync } from '@/utils/sync/status';
import { CompareApp } from './App';
import './compare.css';

const style = document.createElement('style');
style.textContent = MATRIX_PAGE_CSS;
document.head.append(style);

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
