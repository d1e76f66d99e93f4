// Password hashing: argon2id, and never more hashes at once than cores (each holds 19 MiB).
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordWork, verifyPassword } from '../../../src/modules/auth/passwords.js';

describe('password hashing', () => {
  it('runs no more hashes at once than there are cores, the rest waiting in line', async () => {
    const cores = Math.max(1, availableParallelism());
    const burst = cores + 3;
    let most = 0;
    const sample = setInterval(() => {
      most = Math.max(most, passwordWork.activeCount);
    }, 1);
    try {
      const hashes = Array.from({ length: burst }, (_, i) => hashPassword(`password ${i}`));
      // A hash takes tens of milliseconds: a few in, the first ones are still running.
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(passwordWork.activeCount).toBe(cores);
      expect(passwordWork.pendingCount).toBe(burst - cores);

      const done = await Promise.all(hashes);
      expect(most).toBe(cores);
      expect(passwordWork.activeCount + passwordWork.pendingCount).toBe(0);
      expect(new Set(done).size).toBe(burst);
      expect(done.every((h) => h.startsWith('$argon2id$v=19$m=19456,t=2,p=1$'))).toBe(true);
      // Each hash is its own password's and nobody else's.
      expect(await verifyPassword(done[1], 'password 1')).toBe(true);
      expect(await verifyPassword(done[1], 'password 2')).toBe(false);
    } finally {
      clearInterval(sample);
    }
  });

  it('refuses every password for an unknown account, after the same work', async () => {
    expect(await verifyPassword(undefined, 'password 1')).toBe(false);
    expect(passwordWork.activeCount + passwordWork.pendingCount).toBe(0);
  });
});
