import { cacheControlFor, isDeepLink } from './portal-paths';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('portal paths', () => {
  it('caches hashed assets forever and revalidates the rest', () => {
    expect(cacheControlFor('assets/app-abc123.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('favicon.svg')).toBe('no-cache');
  });

  it.each(['/', '/reports/0190d5e4', '/inbox', '/apiary', '/administration'])(
    'answers a browser opening %s with the portal',
    (path) => {
      expect(isDeepLink('GET', path, BROWSER)).toBe(true);
      expect(isDeepLink('HEAD', path, 'TEXT/HTML')).toBe(true);
    },
  );

  it.each(['/api', '/api/v1/nope', '/health/x', '/metrics', '/admin/queues/x', '/taxii2/'])(
    'leaves %s to the server',
    (path) => {
      expect(isDeepLink('GET', path, BROWSER)).toBe(false);
    },
  );

  it('leaves other methods and clients that do not ask for HTML alone', () => {
    expect(isDeepLink('POST', '/reports', BROWSER)).toBe(false);
    expect(isDeepLink('GET', '/reports', 'application/json')).toBe(false);
    expect(isDeepLink('GET', '/reports', '*/*')).toBe(false);
    expect(isDeepLink('GET', '/reports', undefined)).toBe(false);
  });
});
