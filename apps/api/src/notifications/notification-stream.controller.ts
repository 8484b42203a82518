import { Controller, Get, Headers, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { Authenticated, CurrentActor } from '@rilon/identity';
import { LiveHub } from '@rilon/notifications';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Server-Sent Events on the raw response: Fastify's reply is taken over (hijacked) here
 * and adapted to the hub's plain sink, so nothing below this controller knows Fastify.
 * Fastify hooks do not see a hijacked reply: X-Request-Id is set by hand.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationStreamController {
  constructor(private readonly hub: LiveHub) {}

  @Get('stream')
  @Authenticated()
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this id' })
  @ApiOkResponse({
    description:
      'text/event-stream: `id: <notification id>`, `event: notification`, `data: <notification>`; a comment every 15 s',
  })
  async stream(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Headers('last-event-id') lastEventId?: string,
  ): Promise<void> {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
      'x-request-id': request.id,
    });
    const stream = await this.hub.open(
      actor,
      {
        write: (chunk) => {
          if (!raw.writableEnded) raw.write(chunk);
        },
        end: () => {
          if (!raw.writableEnded) raw.end();
        },
      },
      lastEventId && lastEventId.length <= 64 ? lastEventId.trim() : undefined,
    );
    raw.on('close', () => stream.close());
    if (raw.destroyed) stream.close();
  }
}
