import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AnnotationCache, type DocumentAnnotation, defaultCacheFolder } from '@claimlens/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const keyOf = (text: string) => createHash('sha256').update(text).digest('hex');
const annotationOf = (text: string): DocumentAnnotation => ({
  mentions: [{ start: 0, end: text.length, text, type: 'actor', kind: 'organization', entity: 'e1' }],
  entities: [{ id: 'e1', name: text, type: 'actor', kind: 'organization', aliases: [] }],
  claims: [],
  events: [],
  sentences: [{ start: 0, end: text.length }],
  messages: [],
});

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'claimlens-cache-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('AnnotationCache', () => {
  it('gives back what was stored under a key, and nothing for another key', () => {
    const cache = new AnnotationCache({ folder });
    cache.set(keyOf('NATO'), JSON.stringify(annotationOf('NATO')));
    expect(cache.get(keyOf('NATO'))).toEqual(annotationOf('NATO'));
    expect(cache.get(keyOf('OSCE'))).toBeUndefined();
    // Another cache object on the same folder (another process) reads it too.
    expect(new AnnotationCache({ folder }).get(keyOf('NATO'))).toEqual(annotationOf('NATO'));
  });

  it('ignores a corrupt entry (cut short, changed, not JSON) and rewrites it on the next set', () => {
    const cache = new AnnotationCache({ folder });
    const key = keyOf('NATO');
    const file = path.join(folder, `${key}.json`);
    const good = JSON.stringify(annotationOf('NATO'));
    cache.set(key, good);
    const whole = readFileSync(file, 'utf8');
    const corruptions = [
      whole.slice(0, whole.length - 10),
      whole.replace('"NATO"', '"OTAN"'),
      'not an entry at all',
      '',
      `${whole.split('\n')[0]}\n{"mentions": []}`,
    ];
    for (const corrupt of corruptions) {
      writeFileSync(file, corrupt);
      expect(cache.get(key)).toBeUndefined();
    }
    cache.set(key, good);
    expect(cache.get(key)).toEqual(annotationOf('NATO'));
  });

  it('ignores a foreign entry: one made for another key, or a file that is no entry of this cache', () => {
    const cache = new AnnotationCache({ folder });
    cache.set(keyOf('NATO'), JSON.stringify(annotationOf('NATO')));
    const foreign = path.join(folder, `${keyOf('OSCE')}.json`);
    writeFileSync(foreign, readFileSync(path.join(folder, `${keyOf('NATO')}.json`)));
    expect(cache.get(keyOf('OSCE'))).toBeUndefined();
    writeFileSync(foreign, `{"cache":"other-tool","version":1,"key":"${keyOf('OSCE')}"}\n{}`);
    expect(cache.get(keyOf('OSCE'))).toBeUndefined();
    cache.set(keyOf('OSCE'), JSON.stringify(annotationOf('OSCE')));
    expect(cache.get(keyOf('OSCE'))).toEqual(annotationOf('OSCE'));
  });

  it('keeps its size under the bound by removing the least recently used entries', () => {
    const entry = (name: string) => JSON.stringify(annotationOf(name.repeat(50)));
    const size = Buffer.byteLength(entry('a')) + 200;
    const cache = new AnnotationCache({ folder, maxBytes: size * 3 });
    for (const name of ['a', 'b', 'c']) cache.set(keyOf(name), entry(name));
    expect(readdirSync(folder)).toHaveLength(3);
    // Reading "a" makes "b" the least recently used: the fourth entry pushes "b" out.
    expect(cache.get(keyOf('a'))).toBeDefined();
    cache.set(keyOf('d'), entry('d'));
    expect(readdirSync(folder)).toHaveLength(3);
    expect(cache.get(keyOf('b'))).toBeUndefined();
    for (const name of ['a', 'c', 'd']) expect(cache.get(keyOf(name))).toEqual(JSON.parse(entry(name)));
  });

  it('clears every entry and says how many there were', () => {
    const cache = new AnnotationCache({ folder });
    for (const name of ['a', 'b']) cache.set(keyOf(name), JSON.stringify(annotationOf(name)));
    expect(cache.clear()).toBe(2);
    expect(cache.get(keyOf('a'))).toBeUndefined();
    expect(cache.clear()).toBe(0);
  });

  it('misses quietly where the folder cannot be written', () => {
    const file = path.join(folder, 'a-file');
    writeFileSync(file, '');
    const cache = new AnnotationCache({ folder: path.join(file, 'annotations') });
    cache.set(keyOf('NATO'), JSON.stringify(annotationOf('NATO')));
    expect(cache.get(keyOf('NATO'))).toBeUndefined();
  });

  it('lives in $XDG_CACHE_HOME/claimlens, else the platform cache folder', () => {
    expect(defaultCacheFolder({ XDG_CACHE_HOME: '/xdg' }, 'linux')).toBe(path.join('/xdg', 'claimlens'));
    expect(defaultCacheFolder({}, 'linux')).toMatch(/\.cache[/\\]claimlens$/);
    expect(defaultCacheFolder({}, 'darwin')).toMatch(/Library[/\\]Caches[/\\]claimlens$/);
    expect(defaultCacheFolder({ LOCALAPPDATA: 'C:\\Local' }, 'win32')).toBe(
      path.join('C:\\Local', 'claimlens', 'Cache'),
    );
  });
});
