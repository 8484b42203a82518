import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/**
 * argon2id at OWASP's baseline (m=19 MiB, t=2, p=1): about 25 ms a hash on one core,
 * which keeps sign-in cheap on a 2-core host. The PHC string records the parameters,
 * so they can be raised later; `needsRehash` tells when a stored hash is older.
 */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (!hash) return false;
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  needsRehash(hash: string): boolean {
    return argon2.needsRehash(hash, ARGON2_OPTIONS);
  }
}

/** A fixed hash to verify against when the e-mail is unknown, so both cases cost the same. */
export const DUMMY_HASH_PROMISE = argon2.hash('not-a-real-password-0', ARGON2_OPTIONS);
