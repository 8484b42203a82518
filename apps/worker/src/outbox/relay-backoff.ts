/** Capped exponential backoff: 0.5 s, 1 s, 2 s, ... up to 30 s from the 7th failure on. */
export function relayBackoffMs(failures: number, baseMs = 500, capMs = 30_000): number {
  if (failures <= 0) return 0;
  return Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 16));
}
