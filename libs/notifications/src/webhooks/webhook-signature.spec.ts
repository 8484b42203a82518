import { createHmac } from 'node:crypto';
import { signWebhook } from './webhook-signature';

describe('signWebhook', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 in hex', () => {
    const body = '{"event":"report.published"}';
    const expected = createHmac('sha256', 'a-secret-of-16-chars')
      .update(`1700000000.${body}`)
      .digest('hex');
    expect(signWebhook('a-secret-of-16-chars', body, 1700000000)).toBe(
      `t=1700000000,v1=${expected}`,
    );
  });

  it('changes with the body, the time and the secret', () => {
    const base = signWebhook('s'.repeat(16), 'x', 1);
    expect(signWebhook('s'.repeat(16), 'y', 1)).not.toBe(base);
    expect(signWebhook('s'.repeat(16), 'x', 2)).not.toBe(base);
    expect(signWebhook('t'.repeat(16), 'x', 1)).not.toBe(base);
  });
});
