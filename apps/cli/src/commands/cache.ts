import { AnnotationCache } from '@claimlens/core';
import { parse } from '../args.js';
import { type Io, UsageError } from '../io.js';

/** `claimlens cache clear`: remove every cached annotation and event grouping. */
export async function cacheCommand(args: readonly string[], io: Io): Promise<number> {
  const { positionals } = parse(args, {});
  const [action, ...rest] = positionals;
  if (action !== 'clear' || rest.length > 0)
    throw new UsageError(`Expected "claimlens cache clear", not "claimlens cache ${positionals.join(' ')}".`);
  const cache = new AnnotationCache();
  const removed = cache.clear();
  io.stdout.write(
    `Removed ${removed} cache entr${removed === 1 ? 'y' : 'ies'} (annotations and event groupings) from ${cache.folder}.\n`,
  );
  return 0;
}
