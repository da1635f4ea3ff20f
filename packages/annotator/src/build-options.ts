import type { AnnotationCache, BuildOptions } from '@claimlens/core';
import { groupingKey } from './cache-key.js';
import { defaultCompareLexicon } from './compare-lexicon.js';
import { defaultEventGrouping } from './events/grouping.js';

/**
 * How `analyze` and the language server build a corpus: with the default knowledge of event grouping and
 * comparison and, given a cache, the event groupings kept in it (read, and written for the sub-topics grouped).
 */
export function defaultBuildOptions(cache: AnnotationCache | null = null): BuildOptions {
  const options: BuildOptions = { events: defaultEventGrouping(), compare: defaultCompareLexicon() };
  if (cache) {
    options.groupings = {
      get: (input) => cache.getGrouping(groupingKey(input)),
      set: (input, grouping) => cache.setGrouping(groupingKey(input), grouping),
    };
  }
  return options;
}
