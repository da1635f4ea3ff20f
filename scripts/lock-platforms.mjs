#!/usr/bin/env node
/**
 * Keep package-lock.json complete for every platform when the registry this machine reaches serves only the
 * Linux builds of native tools (Biome, turbo). npm then writes a lock without the other platforms' optional
 * packages, and `npm ci` refuses it ("Missing: @biomejs/cli-darwin-x64@ from lock file").
 *
 * For every optional dependency that a locked package names but the lock lacks, this adds an entry with the
 * os, cpu and libc read from the package's name (`cli-darwin-arm64`, `windows-64`, `linux-x64-musl`), so npm
 * skips it here and fetches it on the platform it is for. Run it after `npm install` rewrites the lock:
 * `node scripts/lock-platforms.mjs`.
 */

import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));

/** @param {string} name */
function platform(name) {
  const os = /darwin/.test(name)
    ? 'darwin'
    : /win32|windows/.test(name)
      ? 'win32'
      : /android/.test(name)
        ? 'android'
        : /linux/.test(name)
          ? 'linux'
          : undefined;
  const cpu = /arm64/.test(name) ? 'arm64' : /x64|-64\b/.test(name) ? 'x64' : undefined;
  return os && cpu ? { os, cpu, libc: /musl/.test(name) ? 'musl' : undefined } : undefined;
}

const added = [];
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const path = `node_modules/${name}`;
    const target = platform(name);
    if (lock.packages[path] || !target) continue;
    const sibling = Object.entries(lock.packages).find(
      ([other]) => other !== path && other.startsWith(`node_modules/${name.replace(/[^/-]+(-musl)?$/, '')}`),
    )?.[1];
    lock.packages[path] = {
      version,
      cpu: [target.cpu],
      dev: entry.dev,
      ...(target.libc ? { libc: [target.libc] } : {}),
      license: sibling?.license ?? entry.license,
      optional: true,
      os: [target.os],
      ...(sibling?.engines ? { engines: sibling.engines } : {}),
    };
    added.push(`${name}@${version} (from ${key.replace(/^node_modules\//, '')})`);
  }
}

const [root, ...rest] = Object.entries(lock.packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => a.localeCompare(b, 'en'))]);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added.length ? `added ${added.length}:\n  ${added.join('\n  ')}` : 'package-lock.json lists every platform',
);
