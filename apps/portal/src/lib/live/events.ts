import { useEffect, useSyncExternalStore } from 'react';
import type { LiveNotification, LiveState } from './stream';

/**
 * The tab's one live stream, as the features see it: the app shell owns the connection
 * and publishes here; a feature subscribes to what arrives and reads the state.
 */
type Listener = (notification: LiveNotification) => void;

const listeners = new Set<Listener>();
const stateListeners = new Set<() => void>();
let state: LiveState = 'paused';

export const liveEvents = {
  publish(notification: LiveNotification): void {
    for (const listener of listeners) listener(notification);
  },
  setState(next: LiveState): void {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useLiveState(): LiveState {
  return useSyncExternalStore(
    (listener) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    () => state,
  );
}

export function useLiveNotifications(listener: Listener): void {
  useEffect(() => liveEvents.subscribe(listener), [listener]);
}

export type { LiveNotification, LiveState };
