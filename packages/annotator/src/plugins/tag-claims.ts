import type { Claim, DocumentEntity } from '@claimlens/core';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { CueLexicon } from '../claims/cue-lexicon.js';
import { defaultClaimData } from '../claims/data.js';
import { type ClaimModels, extractTokenClaims } from '../claims/extract.js';
import { documentFacts } from '../claims/features.js';
import { ownVoiceClaims } from '../claims/own-voice.js';
import { speakerIndex } from '../claims/speaker.js';
import { isNegated, stanceOf } from '../claims/stance.js';
import { tokenTable } from '../claims/tokens.js';
import '../types.js';

export interface Options {
  /** Cue words with stances, hedge, condition and negation markers. Default: `data/claims/lexicon.json`. */
  lexicon?: CueLexicon;
  /** The trained cue and role taggers. Default: `data/claims/cue-model.bin` and `role-model.bin`. */
  models?: ClaimModels;
  /** Added to the score of starting a cue: above 0 finds more cues, below 0 fewer. Default: 6 (best cue F1 on the PolNeAR dev split). */
  cueBias?: number;
  /** Carry a quotation left open at a paragraph's end into the next paragraph. Default: true. */
  paragraphs?: boolean;
  /**
   * Add claims and sources the taggers tend to miss: transcript speaker labels and "Name: statement"
   * headlines, impersonal passives ("it was reported that …"), sources after the cue ("…, said the union").
   * Default: true.
   */
  rules?: boolean;
  /** Give a cue without a source that continues another cue's sentence ("…, adding that …") its source. Default: true. */
  shareSources?: boolean;
  /** Also report what the article states in its own voice (claims with no source and no cue). Default: true. */
  ownVoice?: boolean;
}

const emptyOptions: Options = {};

/**
 * Tag claims: who says what. Finds cues with a trained tagger, the source and content of each cue with a
 * second tagger, resolves the source to an entity of the document (`file.data.entities`), and sets the
 * stance and negation. Sentences that attribute nothing become claims in the article's own voice.
 * Sets `file.data.claims`, ordered by position.
 */
export default function tagClaims(options?: Readonly<Options> | null) {
  const settings = options ?? emptyOptions;
  const ownVoice = settings.ownVoice ?? true;
  const cueBias = settings.cueBias ?? 6;
  if (typeof cueBias !== 'number' || !Number.isFinite(cueBias)) {
    throw new TypeError(`Expected a finite number for \`cueBias\`, not \`${String(cueBias)}\``);
  }
  const paragraphs = settings.paragraphs ?? true;
  const rules = settings.rules ?? true;
  return (_tree: Root, file: VFile): void => {
    // The default models (a few MB once decoded) are read when the first article needs them, not when the
    // pipeline is built.
    const lexicon = settings.lexicon ?? defaultClaimData().lexicon;
    const models = settings.models ?? defaultClaimData().models;
    const text = String(file.value);
    const table = tokenTable(file.data.sentences ?? [], file.data.blocks ?? []);
    const facts = documentFacts(table, lexicon);
    const mentions = [...(file.data.mentions ?? [])].sort((a, b) => a.start - b.start);
    const entities = new Map<string, DocumentEntity>((file.data.entities ?? []).map((e) => [e.id, e]));
    const resolveSpeaker = speakerIndex(text, mentions, entities);
    const span = (from: number, to: number) => {
      const start = (table.tokens[from] as { start: number }).start;
      const end = (table.tokens[to - 1] as { end: number }).end;
      return { start, end, text: text.slice(start, end) };
    };
    const claims: Claim[] = [];
    const tokenClaims = extractTokenClaims(facts, models, {
      cueBias,
      paragraphs,
      rules,
      shareSources: settings.shareSources ?? true,
    });
    for (const found of tokenClaims) {
      const source = found.sourceStart >= 0 ? span(found.sourceStart, found.sourceEnd) : null;
      claims.push({
        id: '',
        source,
        cue: span(found.cueStart, found.cueEnd),
        content: span(found.contentStart, found.contentEnd),
        speaker: source ? resolveSpeaker(source) : null,
        stance: stanceOf(table, lexicon, found.cueStart, found.cueEnd, found.contentStart, found.contentEnd),
        negated: isNegated(table, lexicon, found.contentStart, found.contentEnd),
      });
    }
    if (ownVoice) {
      const headings = (file.data.blocks ?? []).filter((b) => b.heading);
      for (const [from, to] of ownVoiceClaims(table, tokenClaims, headings)) {
        claims.push({
          id: '',
          source: null,
          cue: null,
          content: span(from, to),
          speaker: null,
          stance: stanceOf(table, lexicon, -1, -1, from, to),
          negated: isNegated(table, lexicon, from, to),
        });
      }
    }
    claims.sort((a, b) => a.content.start - b.content.start || (a.cue ? 0 : 1) - (b.cue ? 0 : 1));
    claims.forEach((claim, index) => {
      claim.id = `c${index + 1}`;
    });
    file.data.claims = claims;
  };
}
