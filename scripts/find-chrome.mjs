import { existsSync } from 'node:fs';

/** Where Chrome or Chromium usually lives on Linux and macOS; CHROME_PATH overrides them all. */
const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The browser to test in, or an exit with the one line that says how to get one. */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`CHROME_PATH points at ${fromEnv}, which does not exist.`);
    process.exit(1);
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  console.error(
    'No Chrome or Chromium found: install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH.',
  );
  process.exit(1);
}

/** Flags for headless Chromium on CI machines and as root, with no calls home. */
export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
