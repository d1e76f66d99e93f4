// Password hashing with argon2id (the library's default algorithm) and OWASP's recommended
// parameters: 19 MiB of memory, 2 passes, 1 lane.
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when the account does not exist, so that a wrong username costs the same
// time as a wrong password.
let decoyHash: Promise<string> | undefined;

/** True when `password` matches `passwordHash`; a missing hash spends the same time and fails. */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash === undefined) {
    decoyHash ??= hashPassword('decoy password, never matches');
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
