import { accountKey, addressKey, normaliseEmail } from './throttle-keys';

describe('sign-in throttle keys', () => {
  describe('accountKey', () => {
    it('keys a known account on its id, however the address was written', () => {
      const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
      expect(accountKey({ userId: id, email: 'Officer@X.test' })).toBe(`user:${id}`);
      expect(accountKey({ userId: id, email: 'OFFİCER@x.test' })).toBe(`user:${id}`);
    });

    it('keys an unknown address on one normalised form for its case and Unicode variants', () => {
      const variants = [
        'officer@x.test',
        'Officer@X.test',
        'OFFICER@X.TEST',
        // Dotted capital I: JavaScript lower-cases it to "i" + U+0307, PostgreSQL to "i".
        'OFFİCER@X.TEST',
        // Full-width letters fold under NFKC.
        'ｏｆｆｉｃｅｒ@x.test',
      ];
      const keys = new Set(variants.map((email) => accountKey({ userId: null, email })));
      expect([...keys]).toEqual(['email:officer@x.test']);
      // The Kelvin sign folds to K under NFKC, then to k.
      expect(accountKey({ userId: null, email: '\u212AILO@x.test' })).toBe(
        accountKey({ userId: null, email: 'kilo@x.test' }),
      );
    });

    it('keeps different addresses and the id space apart', () => {
      expect(accountKey({ userId: null, email: 'a@x.test' })).not.toBe(
        accountKey({ userId: null, email: 'b@x.test' }),
      );
      expect(accountKey({ userId: null, email: 'user:x' })).not.toBe(
        accountKey({ userId: 'x', email: 'user:x' }),
      );
    });
  });

  describe('normaliseEmail', () => {
    it('lower-cases code point by code point, as PostgreSQL lower() does', () => {
      // No final-sigma rule (JavaScript's toLowerCase would give "ς" at the end).
      expect(normaliseEmail('ΟΔΟΣ@x.test')).toBe('οδοσ@x.test');
      expect(normaliseEmail('İ')).toBe('i');
      expect(normaliseEmail(' Officer@X.test ')).toBe('officer@x.test');
    });
  });

  describe('addressKey', () => {
    it('takes IPv4 addresses as they are', () => {
      expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
      expect(addressKey('203.0.113.8')).toBe('203.0.113.8');
    });

    it('takes an IPv4-mapped IPv6 address as its IPv4 address', () => {
      expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
      expect(addressKey('::FFFF:cb00:7107')).toBe('203.0.113.7');
      expect(addressKey('0:0:0:0:0:ffff:203.0.113.7')).toBe('203.0.113.7');
    });

    it('buckets IPv6 addresses by /64', () => {
      const bucket = addressKey('2001:db8:1:2::1');
      expect(bucket).toBe('2001:db8:1:2::/64');
      for (const ip of [
        '2001:db8:1:2::ffff',
        '2001:0DB8:0001:0002:abcd:ef01:2345:6789',
        '2001:db8:1:2:ffff:ffff:ffff:ffff',
        '2001:db8:1:2::9%eth0',
      ]) {
        expect(addressKey(ip)).toBe(bucket);
      }
      expect(addressKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
      expect(addressKey('::1')).toBe('0:0:0:0::/64');
      expect(addressKey('2001:db8::')).toBe('2001:db8:0:0::/64');
    });

    it('keeps what is not an address as it is', () => {
      expect(addressKey('unknown')).toBe('unknown');
    });
  });
});
