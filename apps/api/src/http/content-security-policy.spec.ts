import { policyFor, STRICT_POLICY, TOOLING_POLICY } from './content-security-policy';

describe('Content-Security-Policy by path', () => {
  it('is strict by default: no inline code, no eval, never framed', () => {
    expect(STRICT_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; " +
        "form-action 'self'; object-src 'none'",
    );
    for (const path of [
      '/',
      '/index.html',
      '/assets/app.js',
      '/api/v1/me',
      '/api/docsx',
      '/admin',
    ]) {
      expect(policyFor(path)).toBe(STRICT_POLICY);
    }
  });

  it('allows inline code under the API docs and the queue dashboard only', () => {
    expect(TOOLING_POLICY).toContain("script-src 'self' 'unsafe-inline'");
    expect(TOOLING_POLICY).not.toContain('unsafe-eval');
    for (const path of [
      '/api/docs',
      '/api/docs/swagger-ui.css',
      '/admin/queues',
      '/admin/queues/api/queues',
    ]) {
      expect(policyFor(path)).toBe(TOOLING_POLICY);
    }
  });
});
