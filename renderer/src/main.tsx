/** The renderer's entry: picks the transport (Electron IPC or the web host) and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectClient } from './client';
import { App } from './App';
import './i18n';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App client={detectClient()} />
  </StrictMode>,
);
