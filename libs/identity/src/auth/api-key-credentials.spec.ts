import { apiKeyCredentials } from './api-key-credentials';

const basic = (s: string): string => `Basic ${Buffer.from(s, 'utf8').toString('base64')}`;

describe('apiKeyCredentials', () => {
  it('reads HTTP Basic: the key id as user name, the secret as password', () => {
    expect(apiKeyCredentials(basic('0190-key:s3cr:et'))).toEqual({
      keyId: '0190-key',
      secret: 's3cr:et',
    });
  });

  it('reads Bearer <id>.<secret>, the secret being everything after the first dot', () => {
    expect(apiKeyCredentials('Bearer abc.def.ghi')).toEqual({ keyId: 'abc', secret: 'def.ghi' });
    expect(apiKeyCredentials('bearer abc.def')).toEqual({ keyId: 'abc', secret: 'def' });
  });

  it.each([
    undefined,
    '',
    'Basic',
    basic('no-colon'),
    basic(':secret'),
    basic('id:'),
    'Bearer nodot',
    'Bearer .secret',
    'Bearer id.',
    'Digest abc.def',
    `Bearer ${'a'.repeat(200)}.b`,
  ])('refuses %p', (header) => {
    expect(apiKeyCredentials(header)).toBeNull();
  });

  it('refuses a repeated header', () => {
    expect(apiKeyCredentials(['Bearer a.b', 'Bearer c.d'])).toBeNull();
  });
});
