// Whether the browser tests can run here: Debian's Chromium, never a downloaded browser.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
/** CI must run them: there a missing Chromium fails the run instead of skipping. */
export const RUN_BROWSER_TESTS = HAS_CHROMIUM || process.env.CI === 'true';
