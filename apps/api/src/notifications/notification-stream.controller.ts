import { Controller, Get, Headers, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { Authenticated, CurrentActor } from '@rilon/identity';
import { LiveHub, RESUME_MAX, STREAMS_PER_USER } from '@rilon/notifications';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Server-Sent Events on the raw response: Fastify's reply is taken over (hijacked) here
 * and adapted to the hub's plain sink, so nothing below this controller knows Fastify.
 * Fastify hooks do not see a hijacked reply: X-Request-Id is set by hand. The hub admits
 * the stream before the reply is hijacked, so a refusal is an ordinary problem answer.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationStreamController {
  constructor(private readonly hub: LiveHub) {}

  @Get('stream')
  @Authenticated('self')
  @ApiOperation({
    summary: 'Live notifications (Server-Sent Events)',
    description:
      `The stream ends (cleanly) when the access token it was opened with expires: reconnect ` +
      `with a fresh token and \`Last-Event-ID\`. At most ${STREAMS_PER_USER} streams per user are ` +
      `open at once, on all servers together (429 with Retry-After beyond), and each server ` +
      `holds a bounded number (503 with Retry-After beyond). A resume sends at most ` +
      `${RESUME_MAX} missed notifications: the oldest ${RESUME_MAX} after \`Last-Event-ID\`, ` +
      `in order; read the newer ones from \`GET /notifications\`.`,
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: `Resume after this notification id (at most ${RESUME_MAX} are resent)`,
  })
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
    const raw = reply.raw;
    const headers = {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
      'x-request-id': request.id,
    };
    // HEAD (which Fastify routes here too) gets the headers and opens no stream: an answer
    // to HEAD has no body, so Node would hold them back until the stream ended, up to the
    // token's expiry, the client waiting and one of the user's streams taken all along.
    if (request.method === 'HEAD') {
      void reply.status(200).headers(headers).send();
      return;
    }
    const stream = await this.hub.open(
      actor,
      () => {
        reply.hijack();
        raw.writeHead(200, { ...headers, connection: 'keep-alive' });
        return {
          write: (chunk) => {
            if (!raw.writableEnded) raw.write(chunk);
          },
          end: () => {
            if (!raw.writableEnded) raw.end();
          },
        };
      },
      {
        lastEventId: lastEventId && lastEventId.length <= 64 ? lastEventId.trim() : undefined,
        expiresAtMs: actor.accessExpiresAt === undefined ? undefined : actor.accessExpiresAt * 1000,
      },
    );
    raw.on('close', () => stream.close());
    if (raw.destroyed) stream.close();
  }
}
