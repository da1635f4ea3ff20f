import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import linkEntities, { type Options as LinkOptions } from './plugins/link-entities.js';
import markProse, { type Options as ProseOptions } from './plugins/mark-prose.js';
import parsePlain from './plugins/parse-plain.js';
import parseSimpleMarkdown from './plugins/parse-simple-markdown.js';
import splitSentences from './plugins/split-sentences.js';
import tagActors, { type Options as ActorOptions } from './plugins/tag-actors.js';
import tagClaims, { type Options as ClaimOptions } from './plugins/tag-claims.js';
import tagEvents, { type Options as EventOptions } from './plugins/tag-events.js';
import tagPlaces, { type Options as PlaceOptions } from './plugins/tag-places.js';
import tagPos, { type Options as PosOptions } from './plugins/tag-pos.js';

/** Settings for every stage; each stage's options document their defaults. */
export interface PipelineOptions {
  /** Treat every line of plain text as its own block (for one-sentence-a-line corpora). Default: false. */
  linePerSentence?: boolean;
  prose?: ProseOptions;
  pos?: PosOptions;
  actors?: ActorOptions;
  places?: PlaceOptions;
  entities?: LinkOptions;
  claims?: ClaimOptions;
  events?: EventOptions;
}

/** The unified processor for one format: parse, find prose, split sentences, then tag. */
export function createProcessor(format: 'markdown' | 'plaintext', options: PipelineOptions = {}) {
  const base =
    format === 'markdown'
      ? unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).use(parseSimpleMarkdown)
      : unified().use(parsePlain, { linePerSentence: options.linePerSentence ?? false });
  return base
    .use(markProse, options.prose)
    .use(splitSentences)
    .use(tagPos, options.pos)
    .use(tagActors, options.actors)
    .use(tagPlaces, options.places)
    .use(linkEntities, options.entities)
    .use(tagClaims, options.claims)
    .use(tagEvents, options.events)
    .freeze();
}
