import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPublicAddress } from './webhook-address';

/** A target the address policy refuses: retrying will not help. */
export class WebhookTargetRefused extends Error {}

/** The delivery did not finish (resolve, connect, send, answer) within its deadline. */
export class WebhookDeadlineExceeded extends Error {}

/** How much of an answer is read; the rest is dropped (receivers owe us a status only). */
export const WEBHOOK_ANSWER_BYTES = 16 * 1024;

export interface WebhookPost {
  url: string;
  body: string;
  headers: Record<string, string>;
  allowPrivate: boolean;
  /**
   * The whole delivery, from resolving the host to the end of the answer, within this many
   * milliseconds: a per-socket idle timeout alone would let an endpoint that drips a byte
   * now and then hold the delivery (and its worker slot) for hours.
   */
  deadlineMs?: number;
}

/** Rejects as soon as `signal` aborts, whether or not `work` ever settles. */
function beforeAbort<T>(work: Promise<T>, signal: AbortSignal, onAbort: () => Error): Promise<T> {
  if (signal.aborted) return Promise.reject(onAbort());
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(onAbort());
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * Resolves the host, checks EVERY address it resolves to, and connects to the checked
 * address itself (a pinned lookup), so a DNS answer that changes between the check and
 * the connection (rebinding) cannot redirect the delivery. Redirects are not followed.
 * Everything happens within one overall deadline; at most WEBHOOK_ANSWER_BYTES of the
 * answer are read. Resolves with the status code; rejects on a refused target, the
 * deadline (WebhookDeadlineExceeded) or a network error.
 */
export async function postWebhook(post: WebhookPost): Promise<number> {
  const deadlineMs = post.deadlineMs ?? 10_000;
  const signal = AbortSignal.timeout(deadlineMs);
  const late = () => new WebhookDeadlineExceeded(`no complete answer within ${deadlineMs} ms`);
  const url = new URL(post.url);
  if (url.protocol !== 'https:' && !(post.allowPrivate && url.protocol === 'http:')) {
    throw new WebhookTargetRefused(`scheme ${url.protocol} is not allowed`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A resolver that does not answer counts against the deadline too.
  const addresses: LookupAddress[] = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await beforeAbort(lookup(host, { all: true, verbatim: true }), signal, late);
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
    // A connection of its own, closed after the answer: no pooled socket outlives a delivery.
    agent: false,
    signal,
    lookup: (_hostname, opts, callback) => {
      const all = (opts as { all?: boolean }).all;
      if (all) (callback as (e: null, a: LookupAddress[]) => void)(null, [pinned]);
      else callback(null, pinned.address, pinned.family);
    },
  };
  if (url.protocol === 'https:' && !isIP(host)) options.servername = host;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    // The abort destroys the request and its socket; the error it raises is the deadline.
    const fail = (error: Error) => reject(signal.aborted ? late() : error);
    const req = send(options, (res) => {
      const status = res.statusCode ?? 0;
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Enough of an answer: the status is what counts, the rest is not waited for.
        if (size > WEBHOOK_ANSWER_BYTES) {
          resolve(status);
          res.destroy();
        }
      });
      res.on('end', () => resolve(status));
      res.on('error', fail);
      // Closed before its end (and not by us above): the answer did not arrive whole.
      res.on('close', () => {
        if (!res.complete && size <= WEBHOOK_ANSWER_BYTES)
          fail(new Error('the answer was cut off'));
      });
    });
    req.on('error', fail);
    req.end(post.body);
  });
}
