import { session } from './lib/session/session';
import './styles.css';

/**
 * The entry is small on purpose: it asks for the session (POST /auth/refresh with the
 * cookie) at once, while the rest of the portal, preloaded by index.html, is still on its
 * way. On a slow link a reload then waits for the larger of the two, not for both in turn.
 */
void session.restore();
import('./app/start').then(
  ({ start }) => start(),
  () => {
    // The code could not be fetched (offline, or a deployment replaced it): say so.
    const root = document.getElementById('root');
    if (root) {
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.className = 'page';
      message.textContent =
        'The RILON portal could not load. Check the connection, then reload the page.';
      root.append(message);
    }
  },
);
