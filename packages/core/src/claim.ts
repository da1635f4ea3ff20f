import type { Origin } from './annotations/model.js';
import type { Span } from './span.js';

export type Stance = 'assert' | 'deny' | 'accuse' | 'hedge' | 'conditional' | 'question';

/** Who says what: an attribution with its source, cue and content spans. */
export interface Claim {
  id: string;
  /** The words naming the speaker; null when the article says it in its own voice. */
  source: Span | null;
  /** The words that mark the attribution ("said", "according to", "denied"). */
  cue: Span | null;
  content: Span;
  /** The entity the source resolves to, when it resolves. */
  speaker: string | null;
  stance: Stance;
  /** Whether the content itself is negated ("did not cross"), kept for polarity comparison. */
  negated: boolean;
  /** `human` when a person marked or confirmed it (an annotations file); absent: the machine found it. */
  origin?: Origin;
}

/** A claim placed in a corpus. */
export interface CorpusClaim extends Claim {
  article: string;
}
