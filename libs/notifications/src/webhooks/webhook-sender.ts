import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPublicAddress } from './webhook-address';

/** A target the address policy refuses: retrying will not help. */
export class WebhookTargetRefused extends Error {}

export interface WebhookPost {
  url: string;
  body: string;
  headers: Record<string, string>;
  allowPrivate: boolean;
  timeoutMs?: number;
}

/**
 * Resolves the host, checks EVERY address it resolves to, and connects to the checked
 * address itself (a pinned lookup), so a DNS answer that changes between the check and
 * the connection (rebinding) cannot redirect the delivery. Redirects are not followed.
 * Resolves with the status code; rejects on a refused target, a timeout or a network error.
 */
export async function postWebhook(post: WebhookPost): Promise<number> {
  const url = new URL(post.url);
  if (url.protocol !== 'https:' && !(post.allowPrivate && url.protocol === 'http:')) {
    throw new WebhookTargetRefused(`scheme ${url.protocol} is not allowed`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses: LookupAddress[] = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await lookup(host, { all: true, verbatim: true });
  if (!addresses.length) throw new WebhookTargetRefused(`${host} does not resolve`);
  if (!post.allowPrivate) {
    const blocked = addresses.find((a) => !isPublicAddress(a.address));
    if (blocked) throw new WebhookTargetRefused(`${host} resolves to a non-public address`);
  }
  const pinned = addresses[0];
  const options: RequestOptions & { servername?: string } = {
    method: 'POST',
    host,
    port: url.port || undefined,
    path: `${url.pathname}${url.search}`,
    headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
    lookup: (_hostname, opts, callback) => {
      const all = (opts as { all?: boolean }).all;
      if (all) (callback as (e: null, a: LookupAddress[]) => void)(null, [pinned]);
      else callback(null, pinned.address, pinned.family);
    },
  };
  if (url.protocol === 'https:' && !isIP(host)) options.servername = host;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const timeoutMs = post.timeoutMs ?? 5000;
  return new Promise<number>((resolve, reject) => {
    const req = send(options, (res) => {
      // Read (and drop) a bounded answer so the socket is released.
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > 64 * 1024) res.destroy();
      });
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('close', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(post.body);
  });
}
