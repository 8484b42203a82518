/**
 * The Redis channel that tells API instances which users have new notifications.
 * Channel names are not covered by ioredis' keyPrefix, so the queue prefix is added
 * here: deployments sharing one Redis stay apart.
 */
export function liveChannel(queuePrefix: string): string {
  return `${queuePrefix}:notifications:new`;
}

/** One message: the users with something new (the streams read the rows themselves). */
export interface LiveMessage {
  u: string[];
}

/** Users per message, so that a 100k-recipient fan-out sends small messages. */
export const LIVE_CHUNK = 1000;

export function liveMessages(userIds: readonly string[]): string[] {
  const unique = [...new Set(userIds)];
  const out: string[] = [];
  for (let i = 0; i < unique.length; i += LIVE_CHUNK) {
    out.push(JSON.stringify({ u: unique.slice(i, i + LIVE_CHUNK) } satisfies LiveMessage));
  }
  return out;
}

export function parseLiveMessage(raw: string): string[] {
  try {
    const parsed = JSON.parse(raw) as Partial<LiveMessage>;
    return Array.isArray(parsed.u) ? parsed.u.filter((u) => typeof u === 'string') : [];
  } catch {
    return [];
  }
}
