// Password hashing with argon2id (the library's default algorithm) and OWASP's recommended
// parameters: 19 MiB of memory, 2 passes, 1 lane.
import { availableParallelism } from 'node:os';
import { hash, verify as verifyHash } from '@node-rs/argon2';
import pLimit from 'p-limit';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// Each hash holds 19 MiB while it runs, and more at once than there are cores only queue inside
// the thread pool: a burst of sign-ins waits here instead, in order, holding no memory.
export const passwordWork = pLimit(Math.max(1, availableParallelism()));

export function hashPassword(password: string): Promise<string> {
  return passwordWork(() => hash(password, OPTIONS));
}

const verify = (passwordHash: string, password: string) => passwordWork(() => verifyHash(passwordHash, password));

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
