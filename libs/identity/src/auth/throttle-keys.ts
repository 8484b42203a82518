import { isIP } from 'node:net';

/** The account a sign-in attempt is for: the user the lookup found, or none. */
export interface ThrottledAccount {
  userId: string | null;
  email: string;
}

/**
 * An e-mail address as one counter sees all its spellings: NFKC (full-width letters and
 * other compatibility forms fold), then lower case code point by code point with the
 * simple Unicode mapping, as PostgreSQL's lower() does under a UTF-8 locale (no
 * final-sigma rule; U+0130 gives "i", where JavaScript's toLowerCase() gives "i" + U+0307).
 */
export function normaliseEmail(email: string): string {
  let out = '';
  for (const ch of email.normalize('NFKC').trim()) {
    out += ch === '\u0130' ? 'i' : ch.toLowerCase();
  }
  return out;
}

/**
 * The per-account counter's key: the user id when the address names an account (so
 * every spelling PostgreSQL's `lower(email)` matches shares it), else the normalised
 * address, so guesses at an unknown one count together too.
 */
export function accountKey(account: ThrottledAccount): string {
  return account.userId ? `user:${account.userId}` : `email:${normaliseEmail(account.email)}`;
}

/** The eight 16-bit groups of an IPv6 address that `isIP` accepted (zone removed). */
function ipv6Groups(ip: string): number[] {
  // A trailing dotted quad (::ffff:192.0.2.1) becomes its two groups.
  const text = ip.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_m, a, b, c, d) =>
    [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)]
      .map((g) => g.toString(16))
      .join(':'),
  );
  const parse = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const [head, rest] = text.split('::').map(parse);
  if (!rest) return head;
  return [...head, ...Array<number>(8 - head.length - rest.length).fill(0), ...rest];
}

/**
 * The per-address counter's key: an IPv4 address as it is (an IPv4-mapped IPv6 one as
 * its IPv4 address), an IPv6 address by its /64, the smallest network one subscriber
 * is usually given, so that walking through it earns no fresh counters.
 */
export function addressKey(ip: string): string {
  if (isIP(ip) === 4) return ip;
  const bare = ip.replace(/%.*$/, '');
  if (isIP(bare) !== 6) return ip;
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}
