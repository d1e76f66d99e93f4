// What the browser tests need: Debian's Chromium (never a downloaded one), the web app built once
// into a folder of its own, and the real application listening on a port.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp, type TestApp } from './app.js';
import { CHROMIUM_PATH, HAS_CHROMIUM } from './chromium.js';
import { freePort } from './ports.js';

export { RUN_BROWSER_TESTS } from './chromium.js';
export const SCREENSHOTS_DIR = path.resolve('test-output', 'screenshots');

export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** Builds web/ with its own Vite configuration into a fresh folder; answers the folder. */
export async function buildWebApp(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'moviedb-web-build-'));
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, which Vite would keep, building React's development copy: test what
  // npm run build ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.resolve('web/vite.config.ts'),
      mode: 'production',
      build: { outDir, emptyOutDir: true },
      logLevel: 'warn',
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

export interface RunningApp extends TestApp {
  baseUrl: string;
}

/** The whole application on a real port, serving the given build; image URLs point at it. */
export async function startApp(webDir: string): Promise<RunningApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ webDir, publicUrl: baseUrl });
  await t.app.listen({ port, host: '127.0.0.1' });
  return { ...t, baseUrl };
}

export async function launchChromium(): Promise<Browser> {
  if (!HAS_CHROMIUM) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  const { chromium } = await import('playwright-core');
  // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
}

/** A fresh browser profile (no cookies, no storage) at the given width. */
export function newContext(browser: Browser, baseURL: string, viewport: keyof typeof VIEWPORTS = 'desktop'): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: VIEWPORTS[viewport], reducedMotion: 'reduce' });
}

/** Saves the page as test output (test-output/screenshots, not committed). */
export async function screenshot(page: Page, name: string, viewport: keyof typeof VIEWPORTS): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const file = path.join(SCREENSHOTS_DIR, `${name}-${viewport}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
