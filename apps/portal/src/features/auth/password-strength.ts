/**
 * A rough strength estimate for a new password, shown while it is typed. The server's
 * only rule is 12 to 256 characters (it stays the authority); this is advice: length and
 * variety count, repeats, runs and well-known passwords count against.
 */
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 256;

/** 0 too short, 1 weak, 2 fair, 3 strong, 4 very strong. */
export type Strength = 0 | 1 | 2 | 3 | 4;
export const STRENGTH_NAMES = ['tooShort', 'weak', 'fair', 'strong', 'veryStrong'] as const;

// Short on purpose: the point is to catch the obvious, not to ship a dictionary.
const COMMON = [
  'password',
  'passw0rd',
  'qwerty',
  'azerty',
  'letmein',
  'welcome',
  'admin',
  'rilon',
  'iloveyou',
  'monkey',
  'dragon',
  'secret',
];
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiop', 'asdfghjkl'];

/** Characters that add nothing: repeats of the one before, and steps of a known run. */
function predictable(text: string): number {
  let count = 0;
  for (let i = 1; i < text.length; i++) {
    const pair = text.slice(i - 1, i + 1);
    const repeat = pair[0] === pair[1];
    const run = SEQUENCES.some((s) => s.includes(pair) || s.includes([...pair].reverse().join('')));
    if (repeat || run) count++;
  }
  return count;
}

/** Estimated bits: effective length times the bits of the character classes in use. */
export function passwordBits(password: string): number {
  const lower = password.toLowerCase();
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/[0-9]/.test(password)) pool += 10;
  if (/[^A-Za-z0-9\s]/.test(password)) pool += 33;
  if (/\s/.test(password)) pool += 1;
  if (pool === 0) return 0;
  let length = [...password].length - predictable(lower);
  for (const word of COMMON) if (lower.includes(word)) length -= word.length - 1;
  return Math.max(0, length) * Math.log2(pool);
}

export function passwordStrength(password: string): Strength {
  if ([...password].length < MIN_PASSWORD) return 0;
  const bits = passwordBits(password);
  if (bits < 40) return 1;
  if (bits < 56) return 2;
  if (bits < 80) return 3;
  return 4;
}

export type PasswordProblem = 'required' | 'tooShort' | 'tooLong' | 'mismatch';

/** What the new-password fields say is wrong before anything is sent (keys of `auth`). */
export function checkNewPassword(
  password: string,
  confirmation: string,
): Partial<Record<'password' | 'confirmation', PasswordProblem>> {
  const problems: Partial<Record<'password' | 'confirmation', PasswordProblem>> = {};
  const length = [...password].length;
  if (length === 0) problems.password = 'required';
  else if (length < MIN_PASSWORD) problems.password = 'tooShort';
  else if (password.length > MAX_PASSWORD) problems.password = 'tooLong';
  if (!problems.password && confirmation !== password) problems.confirmation = 'mismatch';
  return problems;
}
