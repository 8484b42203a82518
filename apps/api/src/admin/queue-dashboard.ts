import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RequestContext, toProblem } from '@rilon/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AdminQueues } from './admin-queues';
import { DashboardAccess } from './dashboard-access';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * Mounts Bull Board at /admin/queues, on Fastify directly (it is not a Nest route, so no
 * Nest guard sees it): an onRequest hook scoped to the dashboard's routes applies
 * DashboardAccess to every page, asset and API call of it. It is read-only: nobody adds,
 * retries, cleans or edits jobs there (refused with 405, audited as
 * `queues.manage.denied`), since a job in Redis must never decide what the worker does
 * (an e-mail job is an outbox id; the row in PostgreSQL says the rest). Like the API, it takes
 * the access token only from the Authorization header, never from a cookie or the query
 * string (a token in a URL ends up in logs): a browser reaches it through a proxy or an
 * extension that adds the header.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly logger = new Logger(QueueDashboard.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: AdminQueues,
    private readonly access: DashboardAccess,
  ) {}

  async onModuleInit(): Promise<void> {
    const board = new FastifyAdapter().setBasePath(DASHBOARD_PATH);
    createBullBoard({
      // Read-only: Bull Board offers and accepts no action (add, retry, clean, edit data,
      // pause, empty); DashboardAccess refuses every method but GET and HEAD before it.
      queues: this.queues.all.map(({ queue }) => new BullMQAdapter(queue, { readOnlyMode: true })),
      // @bull-board/fastify pins its own copy of @bull-board/api (9.10.1, ours is 9.10.2);
      // the two agree at run time, only their private fields differ in type.
      serverAdapter: board as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
      options: { uiConfig: { boardTitle: 'RILON queues' } },
    });
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    await fastify.register(
      async (scope) => {
        scope.addHook('onRequest', (request, reply) => this.guard(request, reply));
        await scope.register(board.registerPlugin());
      },
      { prefix: DASHBOARD_PATH },
    );
  }

  private async guard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
    const path = request.url.split('?')[0] ?? DASHBOARD_PATH;
    const userAgent = request.headers['user-agent'];
    const refusal = await RequestContext.run(
      {
        requestId: request.id,
        ip: request.ip,
        userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 256) : null,
      },
      () => this.access.refusal(request.headers.authorization, { method: request.method, path }),
    ).catch((error: unknown) => error);
    if (refusal === null) return;
    const { body, headers } = toProblem(refusal, path, this.logger);
    return reply
      .code(body.status)
      .headers({ ...headers, 'content-type': 'application/problem+json; charset=utf-8' })
      .send(JSON.stringify(body));
  }
}
