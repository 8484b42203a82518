import { Injectable, NestMiddleware } from '@nestjs/common';
import { RequestContext } from '@rilon/core';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Binds the request id and the caller's address for the audit rows this request writes. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(
    req: IncomingMessage & { id?: string; ip?: string },
    _res: ServerResponse,
    next: () => void,
  ): void {
    const userAgent = req.headers['user-agent'];
    RequestContext.run(
      {
        requestId: req.id ?? null,
        ip: req.ip ?? req.socket.remoteAddress ?? null,
        userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 256) : null,
      },
      next,
    );
  }
}
