import {
  clearedRefreshCookie,
  cookieIsSecure,
  refreshCookie,
  refreshTokenFromCookies,
} from './refresh-cookie';

const TOKEN = '0190d5e4-7c1a-7b3e-9f00-0123456789ab.AbC-_xyz';

describe('refresh cookie', () => {
  it('sets the token with HttpOnly, Secure, SameSite=Strict, the auth path and a lifetime', () => {
    expect(refreshCookie(TOKEN, true, 1209600)).toBe(
      `rilon_refresh=${TOKEN}; HttpOnly; Secure; SameSite=Strict; Path=/api/v1/auth; Max-Age=1209600`,
    );
    expect(refreshCookie(TOKEN, false, 60)).toBe(
      `rilon_refresh=${TOKEN}; HttpOnly; SameSite=Strict; Path=/api/v1/auth; Max-Age=60`,
    );
  });

  it('clears it on the same path', () => {
    expect(clearedRefreshCookie(true)).toBe(
      'rilon_refresh=; HttpOnly; Secure; SameSite=Strict; Path=/api/v1/auth; Max-Age=0',
    );
  });

  it.each([
    ['https://portal.rilon.example', true],
    ['http://127.0.0.1:3000', true],
    ['http://localhost:3000', true],
    ['http://[::1]:3000', true],
    ['http://portal.rilon.example', false],
    ['http://10.0.0.5:3000', false],
    ['http://0.0.0.0:3000', false],
  ])('is Secure for %s: %s', (publicUrl, secure) => {
    expect(cookieIsSecure(publicUrl)).toBe(secure);
  });

  it('reads the token from a Cookie header among others', () => {
    expect(refreshTokenFromCookies(`theme=dark; rilon_refresh=${TOKEN}; lang=en`)).toBe(TOKEN);
    expect(refreshTokenFromCookies(`rilon_refresh="${TOKEN}"`)).toBe(TOKEN);
    expect(refreshTokenFromCookies(['a=b', `rilon_refresh=${TOKEN}`])).toBe(TOKEN);
    expect(refreshTokenFromCookies(`rilon_refresh=; rilon_refresh=${TOKEN}`)).toBe(TOKEN);
  });

  it('finds nothing where there is no such cookie', () => {
    expect(refreshTokenFromCookies(undefined)).toBeUndefined();
    expect(refreshTokenFromCookies('')).toBeUndefined();
    expect(refreshTokenFromCookies('x_rilon_refresh=abc; rilon_refresh_old=def')).toBeUndefined();
    expect(refreshTokenFromCookies('rilon_refresh')).toBeUndefined();
    expect(refreshTokenFromCookies('rilon_refresh=')).toBeUndefined();
  });
});
