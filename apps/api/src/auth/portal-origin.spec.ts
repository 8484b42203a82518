import { acceptedOrigins, portalOrigin } from './portal-origin';

describe('portalOrigin', () => {
  it("is PUBLIC_URL's origin when it was given, whatever the listening port", () => {
    const config = {
      publicUrl: 'https://portal.rilon.example/base',
      publicUrlExplicit: true,
      host: '0.0.0.0',
    };
    expect(portalOrigin(config, 3000)).toBe('https://portal.rilon.example');
    expect(portalOrigin(config, null)).toBe('https://portal.rilon.example');
    expect(portalOrigin({ ...config, publicUrl: 'HTTPS://Portal.Rilon.Example:443' }, 3000)).toBe(
      'https://portal.rilon.example',
    );
  });

  it('is the listening address when PUBLIC_URL was only derived from HOST and PORT', () => {
    const config = { publicUrl: 'http://127.0.0.1:0', publicUrlExplicit: false, host: '127.0.0.1' };
    expect(portalOrigin(config, 41234)).toBe('http://127.0.0.1:41234');
    expect(portalOrigin(config, 80)).toBe('http://127.0.0.1');
    expect(portalOrigin({ ...config, host: '::1' }, 3000)).toBe('http://[::1]:3000');
  });

  it('is unknown before the server listens', () => {
    expect(
      portalOrigin(
        { publicUrl: 'http://127.0.0.1:0', publicUrlExplicit: false, host: '127.0.0.1' },
        null,
      ),
    ).toBeNull();
  });

  it('accepts the loopback names for one another only on a loopback host without PUBLIC_URL', () => {
    const config = {
      publicUrl: 'http://127.0.0.1:3000',
      publicUrlExplicit: false,
      host: '127.0.0.1',
    };
    expect(acceptedOrigins(config, 3000)).toEqual([
      'http://127.0.0.1:3000',
      'http://localhost:3000',
      'http://[::1]:3000',
    ]);
    expect(acceptedOrigins({ ...config, host: '10.0.0.5' }, 3000)).toEqual([
      'http://10.0.0.5:3000',
    ]);
    expect(
      acceptedOrigins(
        { ...config, publicUrl: 'http://localhost:3000', publicUrlExplicit: true },
        3000,
      ),
    ).toEqual(['http://localhost:3000']);
    expect(acceptedOrigins(config, null)).toEqual([]);
  });
});
