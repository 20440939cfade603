// First: Zod must be jitless before any schema is built (no eval under the extension CSP).
import '@/utils/zod-jitless';
import { render } from 'preact';
import { PopupApp } from './App';
import { browserDeps } from './deps';
import './popup.css';

render(<PopupApp deps={browserDeps()} />, document.getElementById('app')!);
