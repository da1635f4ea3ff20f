import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './run.js';

describe('examples/who-said-what.mjs (the script API, built)', () => {
  it('runs on the seeds and reports who said what about shared events', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'examples/who-said-what.mjs'), 'seeds'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^5 articles, \d+ claims, \d+ events reported by several articles\n/);
    expect(result.stdout).toMatch(/— in \d+ articles\n {2}\S/);
  });

  it('exits 2 with its usage when given nothing', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'examples/who-said-what.mjs')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/^Usage: node examples\/who-said-what\.mjs/);
  });
});

describe('examples/contradictions.mjs (the README script, built)', () => {
  it('runs on the seeds and lists disputes with their positions, claims about an actor and other sources', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'examples/contradictions.mjs'), 'seeds'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^\d+ disputes between 5 articles\n- .+, confidence [\d.]+:\n {4}“.*”: .+ \(.+\)\n/);
    expect(result.stdout).toMatch(/\n\d+ claims about \S/);
    expect(result.stdout).toMatch(/\n {2}(agree|contradict|unrelated) — /);
  });
});
