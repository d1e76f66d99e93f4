// Password hashing with argon2id (the library's default algorithm) and OWASP's recommended
// parameters: 19 MiB of memory, 2 passes, 1 lane.
import { availableParallelism } from 'node:os';
import { hash, verify as verifyHash } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// Each hash holds 19 MiB while it runs, and more at once than there are cores only queue inside
// the thread pool: a burst of sign-ins waits here instead, holding no memory.
const MAX_AT_ONCE = Math.max(1, availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];

async function oneAtATimePerCore<T>(work: () => Promise<T>): Promise<T> {
  // A finishing hash hands its place straight to the next in line, so the count never overshoots.
  if (running >= MAX_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export function hashPassword(password: string): Promise<string> {
  return oneAtATimePerCore(() => hash(password, OPTIONS));
}

const verify = (passwordHash: string, password: string) => oneAtATimePerCore(() => verifyHash(passwordHash, password));

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
