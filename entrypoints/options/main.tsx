// First: Zod must be jitless before any schema is built (no eval under the extension CSP).
import '@/utils/zod-jitless';
import { render } from 'preact';
import { COMPONENT_CSS } from '@/components/styles';
import { OptionsApp } from './App';
import { browserDeps } from './api';
import './options.css';

const style = document.createElement('style');
style.textContent = COMPONENT_CSS;
document.head.append(style);

render(<OptionsApp deps={browserDeps()} />, document.getElementById('app')!);
