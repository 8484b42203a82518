import {
  illFormedPaths,
  illFormedQueryParams,
  MAX_JSON_DEPTH,
  nulPaths,
  pathDeeperThan,
  requireWellFormedInput,
} from './well-formed-input';
import type { FastifyRequest } from 'fastify';

describe('illFormedPaths', () => {
  it('names lone surrogates in strings, array items and keys, in document order', () => {
    expect(
      illFormedPaths({
        email: 'a\ud800@b.c',
        ok: 'fine 😀 𓀀',
        body: { route: { transit: ['THA', 'M\udc00'] }, n: 1, flag: true, none: null },
        ['k\udbff']: 'value is not looked at',
        last: '\udfff',
      }),
    ).toEqual(['email', 'body.route.transit.1', 'k\ufffd', 'last']);
  });

  it('passes well-formed values of every kind, and a body that is one string', () => {
    expect(illFormedPaths({ a: ['x', 2, { b: 'ก' }], c: null })).toEqual([]);
    expect(illFormedPaths(undefined)).toEqual([]);
    expect(illFormedPaths('\ud800')).toEqual(['(body)']);
  });

  it('stops at the bound', () => {
    expect(
      illFormedPaths(
        Array.from({ length: 80 }, () => '\ud800'),
        50,
      ),
    ).toHaveLength(50);
  });

  it('walks any depth without overflowing the stack', () => {
    const deep: unknown[] = [];
    let node = deep;
    for (let i = 0; i < 200_000; i++) {
      const next: unknown[] = [];
      node.push(next);
      node = next;
    }
    node.push('\ud800');
    const [path] = illFormedPaths(deep);
    expect(path.split('.')).toHaveLength(200_001);
  });
});

describe('nulPaths', () => {
  it('names strings and keys holding U+0000, with the NUL left out of the path', () => {
    expect(
      nulPaths({
        summary: 'a\u0000b',
        ok: 'line\nbreaks and tabs\t are fine',
        body: { indicators: ['x', '\u0000'] },
        ['k\u0000']: 'value is not looked at',
      }),
    ).toEqual(['summary', 'body.indicators.1', 'k\ufffd']);
    expect(nulPaths('\u0000')).toEqual(['(body)']);
    expect(nulPaths({ a: ['\u0001', 1, null] })).toEqual([]);
  });

  it('is refused by the hook, in the body and in a query value', async () => {
    const request = { url: '/api/v1/x?q=a%00', body: { note: 'x\u0000' }, query: { q: 'a\u0000' } };
    await expect(requireWellFormedInput(request as FastifyRequest)).rejects.toMatchObject({
      problem: {
        status: 400,
        errors: [
          { field: 'q', message: expect.stringMatching(/U\+0000/) },
          { field: 'note', message: expect.stringMatching(/U\+0000/) },
        ],
      },
    });
  });
});

describe('pathDeeperThan', () => {
  /** `depth` arrays or objects, one inside the other. */
  function nest(depth: number, kind: 'array' | 'object'): unknown {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
    return value;
  }

  it('passes bodies up to the limit, scalars and nothing', () => {
    expect(pathDeeperThan(nest(MAX_JSON_DEPTH, 'array'))).toBeUndefined();
    expect(pathDeeperThan(nest(MAX_JSON_DEPTH, 'object'))).toBeUndefined();
    expect(pathDeeperThan({ a: [1, { b: 'x' }], c: null })).toBeUndefined();
    expect(pathDeeperThan(undefined)).toBeUndefined();
    expect(pathDeeperThan('text')).toBeUndefined();
  });

  it('names the first node past the limit, wherever it is', () => {
    expect(pathDeeperThan(nest(MAX_JSON_DEPTH + 1, 'array'))).toBe(
      Array(MAX_JSON_DEPTH).fill('0').join('.'),
    );
    expect(pathDeeperThan({ ok: [1], body: { route: nest(3, 'array') } }, 4)).toBe(
      'body.route.0.0',
    );
    expect(pathDeeperThan([], 0)).toBe('(body)');
  });

  it('cuts a long path and walks 200,000 levels without overflowing the stack', () => {
    const long = pathDeeperThan(nest(40, 'object'), 30);
    expect(long).toBe(Array(30).fill('a').join('.'));
    const wide = { ['k'.repeat(150)]: { ['l'.repeat(150)]: [] } };
    expect(pathDeeperThan(wide, 2)).toBe(`${'k'.repeat(150)}.${'l'.repeat(49)}…`);
    expect(pathDeeperThan(nest(200_000, 'array'))).toBeDefined();
  });

  it('is refused by the hook with a 400 before the other checks', async () => {
    const request = { url: '/api/v1/x?q=%ED%A0%80', body: nest(100, 'object'), query: {} };
    await expect(requireWellFormedInput(request as FastifyRequest)).rejects.toMatchObject({
      problem: {
        status: 400,
        detail: `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`,
        errors: [{ field: Array(MAX_JSON_DEPTH).fill('a').join('.') }],
      },
    });
  });
});

describe('illFormedQueryParams', () => {
  it('names parameters whose escapes are not UTF-8', () => {
    expect(
      illFormedQueryParams('q=%ED%A0%80&limit=10&status=%F0%9F&a=%C0%80&b=%FF&name%20x=%ED%B0%80'),
    ).toEqual(['q', 'status', 'a', 'b', 'name x']);
  });

  it('passes UTF-8 escapes of any script, plus signs, stray percent signs and empty pairs', () => {
    expect(
      illFormedQueryParams('q=%E0%B8%9B%E0%B8%A5&x=a+b&y=100%&&z&e=%F0%9F%98%80&f=%zz'),
    ).toEqual([]);
  });

  it('keeps a name it cannot decode as it came', () => {
    expect(illFormedQueryParams('%ED%A0%80=1')).toEqual(['%ED%A0%80']);
  });
});

describe('requireWellFormedInput', () => {
  const request = (url: string, body?: unknown): FastifyRequest =>
    ({ url, body, query: {} }) as unknown as FastifyRequest;

  it('refuses with a 400 problem listing query and body fields', async () => {
    await expect(
      requireWellFormedInput(request('/x?q=%ED%A0%80', { email: '\ud800' })),
    ).rejects.toMatchObject({
      problem: {
        status: 400,
        type: 'validation',
        detail: 'The request has 2 invalid fields',
        errors: [
          { field: 'q', message: expect.stringMatching(/well-formed/) },
          { field: 'email', message: expect.stringMatching(/well-formed/) },
        ],
      },
    });
  });

  it('lets well-formed requests pass', async () => {
    await expect(requireWellFormedInput(request('/x?q=ok', { email: 'a@b.c' }))).resolves.toBe(
      undefined,
    );
  });
});
