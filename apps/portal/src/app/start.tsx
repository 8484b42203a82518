import { QueryClientProvider } from '@tanstack/react-query';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AnnouncerProvider } from '../components/Announcer';
import { applyDocumentLanguage, i18n } from '../lib/i18n/i18n';
import { createQueryClient } from '../lib/query';
import { session } from '../lib/session/session';
import { App } from './App';
import { preloadPage } from './pages';

/** Renders the portal (main.tsx has asked for the session already). */
export function start(): void {
  const queryClient = createQueryClient();
  // Whatever the session was, nothing of it stays cached once it ends.
  session.subscribe(() => {
    if (session.getSnapshot().status === 'signed-out') queryClient.clear();
  });
  applyDocumentLanguage(i18n.language);
  preloadPage(queryClient, window.location);

  const element = document.getElementById('root');
  if (!element) return;
  const root = createRoot(element);
  // The first render as a transition: React renders it in slices and yields between them,
  // so a slow phone never sees one long frozen task (the header is painted already).
  startTransition(() => {
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <AnnouncerProvider>
            <App />
          </AnnouncerProvider>
        </QueryClientProvider>
      </StrictMode>,
    );
  });
}
