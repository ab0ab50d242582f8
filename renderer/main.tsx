// Entry point: i18n first (so the first render is already in the right language), then the router.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index';
import './ui/theme.css';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
