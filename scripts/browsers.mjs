// Finds the Debian browsers at run time. Nothing is downloaded.
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';

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

export const INSTALL_HINT = 'apt-get update && apt-get install -y chromium firefox-esr fonts-noto-core webkit2gtk-driver xvfb';

/** WebKitGTK's WebDriver (Debian: webkit2gtk-driver). */
export const webkitDriverPath = () => process.env.WEBKIT_DRIVER_BIN || which(['WebKitWebDriver']);
/** The X server MiniBrowser draws into (Debian: xvfb); MiniBrowser has no headless mode. */
export const xvfbPath = () => process.env.XVFB_BIN || which(['Xvfb']);

/**
 * WebKitGTK's MiniBrowser. It is not on PATH: Debian ships it with libwebkit2gtk-4.1-0 (a
 * dependency of webkit2gtk-driver) under the multiarch library directory, Fedora under libexec.
 */
export function miniBrowserPath() {
  if (process.env.MINIBROWSER_BIN) return process.env.MINIBROWSER_BIN;
  const onPath = which(['MiniBrowser']);
  if (onPath) return onPath;
  const roots = ['/usr/libexec', '/usr/lib', '/usr/lib64'];
  for (const lib of ['/usr/lib', '/usr/lib64']) {
    try {
      for (const d of readdirSync(lib)) if (/-linux-gnu/.test(d)) roots.unshift(`${lib}/${d}`);
    } catch {
      // no such directory
    }
  }
  for (const root of roots) {
    let dirs = [];
    try {
      dirs = readdirSync(root).filter((d) => /^(webkit2gtk-4\.[01]|webkitgtk-6\.0)$/.test(d));
    } catch {
      continue;
    }
    // 4.1 (GTK 3, libsoup 3) first: the one webkit2gtk-driver depends on in Debian 12.
    for (const d of dirs.sort((a, b) => (a === 'webkit2gtk-4.1' ? -1 : b === 'webkit2gtk-4.1' ? 1 : a.localeCompare(b)))) {
      const bin = `${root}/${d}/MiniBrowser`;
      if (existsSync(bin)) return bin;
    }
  }
  return null;
}

/** A TCP port free on 127.0.0.1 right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Kills a process we spawned detached, with everything in its process group. */
function killGroup(child, signal = 'SIGTERM') {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Starts Xvfb on a display it picks; resolves with the display once it accepts clients. */
function startXvfb(xvfb) {
  return new Promise((resolve, reject) => {
    // -displayfd: Xvfb picks a free display itself and writes its number to fd 3 once it
    // accepts connections, so there is no guessing and no race with another run.
    const child = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let err = '';
    let out = '';
    child.stderr.on('data', (d) => (err = (err + d).slice(-2000)));
    child.stdio[3].on('data', (d) => {
      out += d;
      const m = /^(\d+)\n/.exec(out);
      if (m) resolve({ child, display: `:${m[1]}` });
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`Xvfb exited (${code ?? signal}) before it was ready: ${err.trim().split('\n').pop()}`)));
  });
}

async function waitForDriver(port, child, timeout = 20_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode ?? child.signalCode})`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok && (await r.json())?.value?.ready !== false) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on 127.0.0.1:${port} within ${timeout} ms`);
}

/**
 * Starts Xvfb on a free display and WebKitWebDriver on a free 127.0.0.1 port, MiniBrowser
 * inheriting `env` (the time zone) and the display. Returns the port and a stop() that kills
 * both (and the MiniBrowser the driver started: it is in the driver's process group, and it
 * exits with its X server anyway). Also stopped when this process exits.
 */
export async function startWebKitDriver(env = process.env) {
  const driver = webkitDriverPath();
  const xvfb = xvfbPath();
  if (!driver || !xvfb) throw new Error(`No ${[!driver && 'WebKitWebDriver', !xvfb && 'Xvfb'].filter(Boolean).join(' or ')} found. Install: ${INSTALL_HINT}`);
  const x = await startXvfb(xvfb);
  let child;
  const stop = () => {
    killGroup(child);
    killGroup(x.child);
    process.off('exit', stop);
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      stop();
      // Nobody else handles it: die of it as we would have.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
  let lastError;
  // The port is free when picked but could be taken before the driver binds it: try again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    child = spawn(driver, [`--host=127.0.0.1`, `--port=${port}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
      env: { ...env, DISPLAY: x.display, GDK_BACKEND: 'x11', WAYLAND_DISPLAY: '' },
    });
    let log = '';
    child.stderr.on('data', (d) => (log = (log + d).slice(-2000)));
    try {
      await waitForDriver(port, child);
      // Our driver, not another that took the port first: ours would have exited.
      await new Promise((r) => setTimeout(r, 200));
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode ?? child.signalCode})`);
      return { port, display: x.display, stop };
    } catch (e) {
      lastError = new Error(`${e.message}${log ? `: ${log.trim()}` : ''}`);
      killGroup(child);
    }
  }
  stop();
  throw lastError;
}
