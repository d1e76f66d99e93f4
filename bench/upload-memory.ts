// Uploads images of about 10 MB and 100 MB to a real server process and prints how much its
// resident memory grew at the peak of each upload: the upload streams, so the growth for 100 MB
// should be close to that for 10 MB. Run: npx tsx bench/upload-memory.ts
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openAsBlob, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import sharp from 'sharp';

const work = mkdtempSync(path.join(tmpdir(), 'moviedb-bench-upload-'));
const SIZES_MB = [10, 100];

/** A PNG of random pixels, stored uncompressed: its size is about width × height × 3 bytes. */
async function noisePng(megabytes: number): Promise<string> {
  const side = Math.ceil(Math.sqrt((megabytes * 1024 * 1024) / 3));
  const file = path.join(work, `noise-${megabytes}mb.png`);
  await sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toFile(file);
  return file;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

const images = [];
for (const megabytes of SIZES_MB) images.push({ megabytes, file: await noisePng(megabytes) });

const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: path.join(work, 'data'),
    MAX_UPLOAD_MB: '200',
    IMAGE_MAX_PIXELS: '100000000',
    ADMIN_EMAIL: 'bench@example.com',
    ADMIN_PASSWORD: 'bench password 1',
    LOG_LEVEL: 'info',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const address = await new Promise<string>((resolve) => {
  createInterface({ input: server.stdout }).on('line', (line) => {
    const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
    if (match) resolve(match[1]!);
  });
});

try {
  const login = await fetch(`${address}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'bench@example.com', password: 'bench password 1' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };

  const rows = [];
  for (const { megabytes, file } of images) {
    // A warm-up upload of a small image first, so that the first measured one does not pay for
    // loading the image library.
    const small = new FormData();
    small.append(
      'file',
      new Blob(
        [
          await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } })
            .png()
            .toBuffer(),
        ],
        { type: 'image/png' },
      ),
      'warm.png',
    );
    await fetch(`${address}/api/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` }, body: small });

    const baseline = rssOf(server.pid!);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.pid!))), 10);
    const form = new FormData();
    // The file is read from disk as it is sent, never held whole in this process either.
    form.append('file', await openAsBlob(file, { type: 'image/png' }), path.basename(file));
    const started = performance.now();
    const response = await fetch(`${address}/api/v1/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}` },
      body: form,
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(server.pid!));
    if (response.status !== 201) throw new Error(`upload of ${megabytes} MB answered ${response.status}: ${await response.text()}`);
    const { width, height } = (await response.json()) as { width: number; height: number };
    rows.push({
      file: `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB PNG, ${width}x${height}`,
      seconds: seconds.toFixed(2),
      'baseline RSS (MB)': (baseline / 1024 / 1024).toFixed(0),
      'peak RSS growth (MB)': ((peak - baseline) / 1024 / 1024).toFixed(1),
    });
  }
  console.table(rows);
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.on('close', resolve));
  rmSync(work, { recursive: true, force: true });
}
