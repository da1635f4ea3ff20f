import type { Message } from './message.js';

/** What is known about an article besides its text. Unknown fields are null: never invented. */
export interface ArticleMeta {
  id: string;
  path: string;
  outlet: string | null;
  title: string | null;
  date: string | null;
  url: string | null;
}

/** An article as read: metadata, the decoded text (offsets index it), and what went wrong reading it. */
export interface Article extends ArticleMeta {
  text: string;
  /** `markdown` when the file is Markdown (by extension or content), else `plaintext`. */
  format: 'markdown' | 'plaintext';
  messages: Message[];
}
