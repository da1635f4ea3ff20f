import { type StoryModel, storyModel } from '@claimlens/views';
import type { CorpusState } from '../workspace.js';

const made = new WeakMap<CorpusState, StoryModel>();

/** The story model of the workspace corpus (outlets and document URIs as the editor shows them), made once per corpus. */
export function story(state: CorpusState | null): StoryModel | null {
  if (!state) return null;
  let model = made.get(state);
  if (!model) {
    model = storyModel(state.corpus, { outletOf: state.outlet, uriOf: (id) => state.articles.get(id)?.uri });
    made.set(state, model);
  }
  return model;
}
