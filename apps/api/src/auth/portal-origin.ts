import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { APP_CONFIG, AppConfig, urlHost } from '@rilon/core';
import type { AddressInfo, Server } from 'node:net';

/**
 * The one origin the portal is served from, or null while it cannot be known.
 *
 * With PUBLIC_URL set, it is that URL's origin, whatever address the API listens on (a
 * proxy in front, another host name). Without it, publicUrl was only derived from HOST and
 * PORT, and PORT may be 0 (a random port, as in the tests), so the origin is the one the
 * API actually listens on: `http://<HOST>:<listening port>`. Never the request's own Host
 * header: that is the caller's to choose.
 */
export function portalOrigin(
  config: Pick<AppConfig, 'publicUrl' | 'publicUrlExplicit' | 'host'>,
  listeningPort: number | null,
): string | null {
  if (config.publicUrlExplicit) return new URL(config.publicUrl).origin;
  if (listeningPort === null) return null;
  return new URL(`http://${urlHost(config.host)}:${listeningPort}`).origin;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];

/**
 * Every origin a browser may show the portal under. Without PUBLIC_URL on a loopback HOST
 * (the demo, a developer's machine) the loopback names are one machine: a person who
 * types localhost for 127.0.0.1 stays signed in. Otherwise only the one origin.
 */
export function acceptedOrigins(
  config: Pick<AppConfig, 'publicUrl' | 'publicUrlExplicit' | 'host'>,
  listeningPort: number | null,
): string[] {
  const own = portalOrigin(config, listeningPort);
  if (own === null) return [];
  if (config.publicUrlExplicit || !LOOPBACK.includes(config.host)) return [own];
  return LOOPBACK.map((host) => new URL(`http://${urlHost(host)}:${listeningPort}`).origin);
}

/** Decides whether a request's Origin header is the portal's own (the cookie refresh's CSRF check). */
@Injectable()
export class PortalOrigin implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    // No browser has the origin http://0.0.0.0:PORT: the portal would never stay signed in.
    if (!this.config.publicUrlExplicit && ['0.0.0.0', '::'].includes(this.config.host)) {
      new Logger(PortalOrigin.name).warn(
        `HOST=${this.config.host} without PUBLIC_URL: set PUBLIC_URL to the portal's address, or its cookie refresh is refused`,
      );
    }
  }

  allows(origin: string | string[] | undefined): boolean {
    // Browsers serialise Origin exactly as URL#origin does, so an exact match is the test.
    if (typeof origin !== 'string') return false;
    return acceptedOrigins(this.config, this.listeningPort()).includes(origin);
  }

  private listeningPort(): number | null {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    const address: AddressInfo | string | null | undefined = server?.address();
    return address && typeof address === 'object' ? address.port : null;
  }
}
