/**
 * Whether a workspace-relative path (with `/` separators) matches a glob: `**` any folders, `*` any characters
 * but `/`, `?` one character, `{a,b}` alternatives. A glob without `/` matches the base name anywhere.
 */
export function matchesGlob(relativePath: string, glob: string): boolean {
  const pattern = glob.includes('/') ? glob.replace(/^\.\//, '') : `**/${glob}`;
  return compile(pattern).test(relativePath);
}

/** Whether a path is included and not excluded. */
export function selectFile(relativePath: string, include: readonly string[], exclude: readonly string[]): boolean {
  return include.some((g) => matchesGlob(relativePath, g)) && !exclude.some((g) => matchesGlob(relativePath, g));
}

const cache = new Map<string, RegExp>();

function compile(glob: string): RegExp {
  let found = cache.get(glob);
  if (found) return found;
  let source = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] ?? '';
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else if (char === '{') {
      depth++;
      source += '(?:';
    } else if (char === '}' && depth > 0) {
      depth--;
      source += ')';
    } else if (char === ',' && depth > 0) source += '|';
    else source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  found = new RegExp(`^${source}$`, 'i');
  cache.set(glob, found);
  return found;
}
