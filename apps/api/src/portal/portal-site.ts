import fastifyStatic from '@fastify/static';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '@rilon/core';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { cacheControlFor, isDeepLink } from './portal-paths';

/**
 * Serves the built web portal (PORTAL_DIR, Vite's output) from the API's own origin, so
 * that its scripts need no CORS and its cookie no third party. Its files get one route
 * each, found at start: a release restarts the API anyway, and the API's unknown paths
 * stay with the not-found handler, where a browser opening a portal address (a deep link,
 * a reload) is answered with index.html instead of Nest's 404 problem. The strict
 * Content-Security-Policy comes from the hook every answer passes (http/).
 */
@Injectable()
export class PortalSite implements OnModuleInit {
  private readonly logger = new Logger(PortalSite.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  async onModuleInit(): Promise<void> {
    const root = this.config.portalDir;
    if (!existsSync(join(root, 'index.html'))) {
      this.logger.warn(
        `No built portal in ${root} (no index.html): serving the API only. Build the portal or set PORTAL_DIR.`,
      );
      return;
    }
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    await fastify.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      // "/" is answered by the deep-link hook below (the static index lookup misses
      // index.html when preCompressed finds no .br or .gz of it).
      index: false,
      dotfiles: 'ignore',
      // The build writes .br and .gz beside each text file (scripts/portal-compress.mjs).
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => {
        const path = relative(root, file).split(sep).join('/');
        reply.header('cache-control', cacheControlFor(path));
      },
    });
    // Runs for unmatched requests only (is404), before the not-found handler would answer.
    fastify.addHook('onRequest', async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (!request.is404 || !isDeepLink(request.method, path, request.headers.accept)) return;
      return reply.code(200).sendFile('index.html');
    });
    this.logger.log(`Serving the portal from ${root}`);
  }
}
