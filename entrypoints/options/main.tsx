// First: Zod must be jitless before any schema is built (no eval under the extension CSP).
import '@/utils/zod-jitless';
import { render } from 'preact';
import { localizeDocument } from '@/utils/i18n';
import { OptionsApp } from './App';
import { browserDeps } from './api';
import './options.css';

localizeDocument('optionsTitle');
render(<OptionsApp deps={browserDeps()} />, document.getElementById('app')!);
