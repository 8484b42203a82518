import { createHmac } from 'node:crypto';

/**
 * The `X-Rilon-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw
 * body>">` keyed with the team's secret. The timestamp lets receivers refuse replays.
 */
export function signWebhook(secret: string, rawBody: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
