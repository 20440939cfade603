// First: Zod must be jitless before any schema is built (no eval under the extension CSP).
import '@/utils/zod-jitless';
import { render } from 'preact';
import { localizeDocument } from '@/utils/i18n';
import { PopupApp } from './App';
import { browserDeps } from './deps';
import './popup.css';

localizeDocument('extName');
render(<PopupApp deps={browserDeps()} />, document.getElementById('app')!);
