// Finds the Debian browsers at run time. Nothing is downloaded.
import { execSync } from 'node:child_process';

function which(names) {
  for (const name of names) {
    try {
      const path = execSync(`command -v ${name}`, { shell: '/bin/sh', stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim();
      if (path) return path;
    } catch {
      // not installed under this name
    }
  }
  return null;
}

export const chromiumPath = () => process.env.CHROMIUM_BIN || which(['chromium', 'chromium-browser', 'google-chrome']);
export const firefoxPath = () => process.env.FIREFOX_BIN || which(['firefox-esr', 'firefox']);

/** Flags for Chromium as root on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const INSTALL_HINT = 'apt-get update && apt-get install -y chromium firefox-esr fonts-noto-core';
