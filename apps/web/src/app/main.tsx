import '../i18n';
import './app.css';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './Root';

const el = document.getElementById('root');
if (!el) throw new Error('#root missing');
// A transition: React renders the first screens in slices and lets the browser paint and handle input
// between them, instead of one long task per page render (Lighthouse's Total Blocking Time).
const root = createRoot(el);
startTransition(() =>
  root.render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
);
