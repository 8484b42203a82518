import { uuidV5 } from './uuid-v5';

describe('uuidV5', () => {
  it('gives the RFC 9562 vector for www.example.com in the DNS namespace', () => {
    // RFC 9562, appendix A.4.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('is stable, and differs by name and by namespace', () => {
    const ns = '8573c510-a4e6-46b7-a7af-2d1dfc39e12f';
    expect(uuidV5('a', ns)).toBe(uuidV5('a', ns));
    expect(uuidV5('a', ns)).not.toBe(uuidV5('b', ns));
    expect(uuidV5('a', ns)).not.toBe(uuidV5('a', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'));
    expect(uuidV5('a', ns)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('a', 'not-a-uuid')).toThrow(/not a UUID/);
  });
});
