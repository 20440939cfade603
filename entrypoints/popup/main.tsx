// First: Zod must be jitless before any schema is built (no eval under the extension CSP).
import '@/utils/zod-jitless';
import { render } from 'preact';
import { MATRIX_PAGE_CSS } from '@/components/page-css';
import { PopupApp } from './App';
import { browserDeps } from './deps';
import './popup.css';

const style = document.createElement('style');
style.textContent = MATRIX_PAGE_CSS;
document.head.append(style);

render(<PopupApp deps={browserDeps()} />, document.getElementById('app')!);
