import { problemFrom } from '../api/problem';

/**
 * The signed-in session. The access token lives in this module's memory only; the
 * refresh token is an httpOnly cookie the script never sees (docs/architecture.md, "The web portal").
 *
 * Tabs share the cookie, and a refresh token spent twice ends the session (reuse
 * detection), so every refresh runs under one cross-tab lock: a tab that waited for it
 * simply refreshes with the cookie the previous holder received. Signing out is told to
 * every tab over a BroadcastChannel.
 */
export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

export interface SessionSnapshot {
  status: SessionStatus;
  /** Bumped on every new access token: the live stream reconnects with it. */
  generation: number;
}

interface TokenAnswer {
  accessToken: string;
  expiresIn: number;
}

const AUTH = '/api/v1/auth';
const LOCK = 'rilon-refresh';
/** Refresh this long before the access token expires. */
const EARLY_MS = 60_000;

type Message = { type: 'signed-out' } | { type: 'signed-in' };

class Session {
  private token: string | null = null;
  private expiresAt = 0;
  private snapshot: SessionSnapshot = { status: 'unknown', generation: 0 };
  private readonly listeners = new Set<() => void>();
  private inFlight: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('rilon-session');

  constructor() {
    this.channel?.addEventListener('message', (event: MessageEvent<Message>) => {
      if (event.data?.type === 'signed-out') this.forget();
      if (event.data?.type === 'signed-in' && this.snapshot.status !== 'signed-in')
        void this.refresh();
    });
  }

  getSnapshot = (): SessionSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current access token, or null when signed out. */
  accessToken(): string | null {
    return this.token;
  }

  /** At start: a reload keeps the user signed in through the cookie. */
  restore(): Promise<boolean> {
    return this.refresh();
  }

  async signIn(email: string, password: string): Promise<void> {
    const response = await fetch(`${AUTH}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email, password, refreshIn: 'cookie' }),
      credentials: 'same-origin',
    });
    if (!response.ok) throw await problemFrom(response);
    this.accept((await response.json()) as TokenAnswer);
    this.channel?.postMessage({ type: 'signed-in' } satisfies Message);
  }

  /**
   * Gets a new access token with the cookie. Concurrent callers in this tab share one
   * request; other tabs wait for the lock. Resolves false when the session is over.
   */
  refresh(): Promise<boolean> {
    this.inFlight ??= this.refreshUnderLock().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  async signOut(): Promise<void> {
    const token = this.token;
    this.forget();
    this.channel?.postMessage({ type: 'signed-out' } satisfies Message);
    try {
      await fetch(`${AUTH}/logout`, {
        method: 'POST',
        headers: token ? { authorization: `Bearer ${token}` } : {},
        credentials: 'same-origin',
      });
    } catch {
      // Offline: the token is gone from memory; the server ends the session at expiry.
    }
  }

  /** The API answered 401 to a request with the current token. */
  async recover(failedToken: string | null): Promise<boolean> {
    if (failedToken !== this.token && this.token) return true;
    return this.refresh();
  }

  private async refreshUnderLock(): Promise<boolean> {
    const work = async (): Promise<boolean> => {
      try {
        const response = await fetch(`${AUTH}/refresh`, {
          method: 'POST',
          headers: { accept: 'application/json' },
          credentials: 'same-origin',
        });
        if (!response.ok) {
          const error = await problemFrom(response);
          if (error.status === 401 || error.status === 403) {
            this.forget();
            return false;
          }
          throw error;
        }
        this.accept((await response.json()) as TokenAnswer);
        return true;
      } catch {
        // Offline or 5xx: keep what we have; signed out only if nothing is left.
        if (this.snapshot.status === 'unknown' || !this.token) this.forget();
        return false;
      }
    };
    if (typeof navigator !== 'undefined' && navigator.locks)
      return navigator.locks.request(LOCK, work);
    return work();
  }

  private accept(answer: TokenAnswer): void {
    this.token = answer.accessToken;
    this.expiresAt = Date.now() + answer.expiresIn * 1000;
    clearTimeout(this.timer);
    const wait = Math.max(5_000, this.expiresAt - Date.now() - EARLY_MS);
    this.timer = setTimeout(() => void this.refresh(), wait);
    this.publish({ status: 'signed-in', generation: this.snapshot.generation + 1 });
  }

  private forget(): void {
    clearTimeout(this.timer);
    this.token = null;
    this.expiresAt = 0;
    if (this.snapshot.status !== 'signed-out')
      this.publish({ status: 'signed-out', generation: this.snapshot.generation + 1 });
  }

  private publish(next: SessionSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

export const session = new Session();
