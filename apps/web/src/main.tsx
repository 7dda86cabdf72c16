import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initErrorReporting, loadClientConfig } from './observability/errorReporting';
import './styles.css';

initErrorReporting(await loadClientConfig());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
