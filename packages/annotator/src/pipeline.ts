import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import markProse from './plugins/mark-prose.js';
import parsePlain from './plugins/parse-plain.js';
import splitSentences from './plugins/split-sentences.js';
import tagActors, { type Options as ActorOptions } from './plugins/tag-actors.js';
import tagClaims, { type Options as ClaimOptions } from './plugins/tag-claims.js';
import tagEvents, { type Options as EventOptions } from './plugins/tag-events.js';
import tagPlaces, { type Options as PlaceOptions } from './plugins/tag-places.js';

/** Settings for every stage; each stage's options document their defaults. */
export interface PipelineOptions {
  /** Treat every line of plain text as its own block (for one-sentence-a-line corpora). Default: false. */
  linePerSentence?: boolean;
  actors?: ActorOptions;
  places?: PlaceOptions;
  claims?: ClaimOptions;
  events?: EventOptions;
}

/** The unified processor for one format: parse, find prose, split sentences, then tag. */
export function createProcessor(format: 'markdown' | 'plaintext', options: PipelineOptions = {}) {
  const base =
    format === 'markdown'
      ? unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm)
      : unified().use(parsePlain, { linePerSentence: options.linePerSentence ?? false });
  return base
    .use(markProse)
    .use(splitSentences)
    .use(tagActors, options.actors)
    .use(tagPlaces, options.places)
    .use(tagClaims, options.claims)
    .use(tagEvents, options.events)
    .freeze();
}
