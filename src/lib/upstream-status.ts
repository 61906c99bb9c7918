import { useSyncExternalStore } from 'react';

/**
 * What the console has lately heard about the live amoCRM account behind the server (gateway
 * mode): `waiting` when the server's queue to amoCRM is long (`X-Upstream-Queue`), `down` when
 * the server answered 502/504 (amoCRM unreachable or too slow). Fed by the API client from every
 * response; the next ordinary answer clears it.
 */
export type UpstreamState = 'ok' | 'waiting' | 'down';

let state: UpstreamState = 'ok';
const listeners = new Set<() => void>();

function set(next: UpstreamState) {
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
}

/** Called by the API client with every response from /api. */
export function noteUpstreamResponse(status: number, queueHeader: string | null) {
  if (status === 502 || status === 504) set('down');
  else if (queueHeader !== null) set('waiting');
  else set('ok');
}

export function resetUpstreamState() {
  set('ok');
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useUpstreamState(): UpstreamState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => 'ok',
  );
}
