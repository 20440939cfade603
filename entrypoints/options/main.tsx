import { render } from 'preact';
import { COMPONENT_CSS } from '@/components/styles';
import { OptionsApp } from './App';
import { browserDeps } from './api';
import './options.css';

const style = document.createElement('style');
style.textContent = COMPONENT_CSS;
document.head.append(style);

render(<OptionsApp deps={browserDeps()} />, document.getElementById('app')!);
