import type { Message } from './message.js';

/** What is known about an article besides its text. Unknown fields are null: never invented. */
export interface ArticleMeta {
  id: string;
  path: string;
  outlet: string | null;
  title: string | null;
  /** `YYYY-MM-DD` when the date is written in a recognised form, else as written. */
  date: string | null;
  url: string | null;
  /** The byline, when front matter, the manifest or a "By …" line gives it. */
  author?: string | null;
  /** Where each known field came from: `front-matter`, `manifest` (claimlens.json "articles") or `text`. */
  provenance?: Partial<Record<'outlet' | 'title' | 'date' | 'url' | 'author', 'front-matter' | 'manifest' | 'text'>>;
}

/** An article as read: metadata, the decoded text (offsets index it), and what went wrong reading it. */
export interface Article extends ArticleMeta {
  text: string;
  /** `markdown` when the file is Markdown (by extension), else `plaintext`. */
  format: 'markdown' | 'plaintext';
  messages: Message[];
}
