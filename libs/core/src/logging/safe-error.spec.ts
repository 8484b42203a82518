import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { QueryFailedError } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { loggerParams } from './logger';
import { safeError } from './safe-error';

function failedQuery(): QueryFailedError {
  const driverError = Object.assign(new Error('invalid input syntax for type integer'), {
    code: '22P02',
    detail: 'value officer.secret@rilon.example.org',
    where: 'unnamed portal parameter $1 = officer.secret@rilon.example.org',
  });
  return new QueryFailedError(
    'SELECT * FROM users WHERE email = $1',
    ['officer.secret@rilon.example.org'],
    driverError,
  );
}

describe('safeError', () => {
  it('keeps type, message, driver code and stack of a failed query, nothing it quotes', () => {
    const safe = safeError(failedQuery());
    expect(safe).toMatchObject({
      type: 'QueryFailedError',
      message: 'invalid input syntax for type integer',
      code: '22P02',
    });
    expect(Object.keys(safe).sort()).toEqual(['code', 'message', 'stack', 'type']);
    expect(JSON.stringify(safe)).not.toMatch(/secret|SELECT/);
  });

  it('takes non-errors without echoing them', () => {
    expect(safeError('officer.secret@rilon.example.org')).toEqual({ type: 'string' });
    expect(safeError(null)).toEqual({ type: 'object' });
  });

  it('is the err serializer of every log line of both apps', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const params = loggerParams({ logLevel: 'info' } as AppConfig, 'api');
    const [options] = (
      params as { pinoHttp: [Exclude<Parameters<typeof pinoHttp>[0], undefined>, unknown] }
    ).pinoHttp;
    const { logger } = pinoHttp({ ...options, stream } as Parameters<typeof pinoHttp>[0]);
    logger.error({ err: failedQuery(), errorId: 'e-1' }, 'unhandled error');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as { err: Record<string, unknown>; errorId: string };
    expect(line.errorId).toBe('e-1');
    expect(line.err).toMatchObject({ type: 'QueryFailedError', code: '22P02' });
    expect(lines[0]).not.toMatch(/secret|SELECT|parameters/);
  });

  it("logs a response's status, never its headers", () => {
    const params = loggerParams({ logLevel: 'info' } as AppConfig, 'api');
    const [options] = (
      params as { pinoHttp: [{ serializers: Record<string, (v: unknown) => unknown> }, unknown] }
    ).pinoHttp;
    const res = { statusCode: 201, headers: { 'set-cookie': 'rilon_refresh=secret' } };
    expect(options.serializers.res(res)).toEqual({ statusCode: 201 });
  });
});
