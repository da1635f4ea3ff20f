import type { DocumentAnnotation, Message, MessageCode } from '@claimlens/core';
import { VFile } from 'vfile';
import { createProcessor, type PipelineOptions } from './pipeline.js';
import './types.js';

export interface AnnotateOptions {
  /** `markdown` parses Markdown and ignores its markup; default `plaintext`. */
  format?: 'markdown' | 'plaintext';
}

/** Annotates texts; holds one processor per format, so make one and reuse it. */
export interface Annotator {
  annotate(text: string, options?: AnnotateOptions): DocumentAnnotation;
}

/** Make an annotator. Knowledge (models, lexicons, gazetteer) defaults to the files in `data/`. */
export function createAnnotator(options: PipelineOptions = {}): Annotator {
  const processors = {
    markdown: createProcessor('markdown', options),
    plaintext: createProcessor('plaintext', options),
  };
  return {
    annotate(text, annotateOptions = {}) {
      if (typeof text !== 'string') throw new TypeError(`Expected a string, not ${typeof text}`);
      const format = annotateOptions.format ?? 'plaintext';
      const file = new VFile({ value: text, data: { format } });
      const processor = processors[format];
      processor.runSync(processor.parse(file), file);
      return {
        mentions: file.data.mentions ?? [],
        entities: file.data.entities ?? [],
        claims: file.data.claims ?? [],
        events: file.data.events ?? [],
        sentences: (file.data.sentences ?? []).map(({ start, end }) => ({ start, end })),
        messages: file.messages.map((m): Message => {
          const message: Message = {
            code: (m.ruleId ?? 'analysis/failed') as MessageCode,
            severity: m.fatal ? 'error' : m.fatal === false ? 'warning' : 'info',
            reason: m.reason,
          };
          if (m.place && 'start' in m.place) {
            if (m.place.start.offset !== undefined) message.start = m.place.start.offset;
            if (m.place.end.offset !== undefined) message.end = m.place.end.offset;
          }
          return message;
        }),
      };
    },
  };
}

let defaultAnnotator: Annotator | undefined;

/** Annotate one text with the default knowledge. */
export function annotate(text: string, options?: AnnotateOptions): DocumentAnnotation {
  defaultAnnotator ??= createAnnotator();
  return defaultAnnotator.annotate(text, options);
}
