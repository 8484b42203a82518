import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { toProblem } from '@rilon/core';
import { TAXII_MEDIA_TYPE } from './taxii-media-type';

/**
 * Errors of the TAXII routes leave as TAXII 2.1 error objects (section 3.6.1), not RFC 9457:
 * a TAXII client reads `title`, `description` and `http_status`. The status, wording and
 * headers are those the API's problem documents would carry; 401 adds the Basic challenge.
 */
@Catch()
export class TaxiiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('TaxiiErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{ url?: string; id?: string }>();
    const reply = http.getResponse<{
      status(code: number): unknown;
      header(name: string, value: string): unknown;
      send(payload: unknown): unknown;
      sent?: boolean;
      raw?: { headersSent?: boolean };
    }>();
    if (reply.sent || reply.raw?.headersSent) return;
    const { body, headers } = toProblem(
      exception,
      (request.url ?? '').split('?')[0] ?? '',
      this.logger,
    );
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    if (body.status === 401)
      reply.header('www-authenticate', 'Basic realm="RILON TAXII", charset="UTF-8"');
    if (request.id) reply.header('x-request-id', request.id);
    reply.header('content-type', TAXII_MEDIA_TYPE);
    reply.status(body.status);
    reply.send(
      JSON.stringify({
        title: body.title,
        ...(body.detail ? { description: body.detail } : {}),
        ...(request.id ? { error_id: request.id } : {}),
        http_status: String(body.status),
        ...(Array.isArray(body.errors) && body.errors.length > 0
          ? { details: { errors: body.errors } }
          : {}),
      }),
    );
  }
}
