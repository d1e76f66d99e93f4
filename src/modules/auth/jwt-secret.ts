// The token signing secret: JWT_SECRET when set; in embedded mode, generated on first start and
// kept in DATA_DIR so that tokens survive a restart. A shared PostgreSQL means several processes,
// which must agree on the secret, so there JWT_SECRET is required.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Config, ConfigError } from '../../config.js';

export async function resolveJwtSecret(config: Config): Promise<string> {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.databaseUrl) {
    throw new ConfigError([
      {
        variable: 'JWT_SECRET',
        message: 'is required when DATABASE_URL is set (at least 32 characters, the same for every process)',
      },
    ]);
  }
  const file = path.join(config.dataDir, 'jwt-secret');
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept.length >= 32) return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
