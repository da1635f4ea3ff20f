/** Every finding and warning claimlens reports has a code from this catalogue. */
export const messageCodes = {
  'read/unreadable': 'The file could not be read.',
  'read/binary': 'The file looks binary and was skipped.',
  'read/empty': 'The file is empty.',
  'read/too-large': 'The file is larger than the limit and was analysed up to it.',
  'read/invalid-utf8': 'The file is not valid UTF-8; invalid bytes were replaced.',
  'read/legacy-encoding': 'The file is not UTF-8 and was read as Windows-1252 (Latin-1).',
  'read/duplicate': 'The file has the same content as another file and was counted once.',
  'read/not-found': 'The path does not exist.',
  'read/symlink-loop': 'The path is a symbolic link loop or a broken link.',
  'markdown/front-matter': 'The front matter could not be parsed.',
  'place/conflicting-regions': 'The article puts the same place in two different regions.',
  'config/invalid': 'The claimlens configuration file is not valid.',
  'analysis/timeout': 'Analysis of the file took too long and was abandoned.',
  'analysis/failed': 'Analysis of the file stopped on an error; the other files are analysed.',
  'corpus/failed': 'Building the corpus across the articles stopped on an error.',
  'annotations/invalid': 'Part of a human annotations file is not valid and was ignored; the rest applies.',
  'annotations/orphaned': 'A human annotation no longer fits its article and is kept in the file unapplied.',
  'annotations/no-article': 'An annotations file whose article no longer exists; it is kept.',
} as const;

export type MessageCode = keyof typeof messageCodes;

/** A problem found in a file or a text: what was found and what was expected. */
export interface Message {
  code: MessageCode;
  severity: 'error' | 'warning' | 'info';
  reason: string;
  /** The file the message is about, as given by the user. */
  path?: string;
  /** The place in the text, when there is one. */
  start?: number;
  end?: number;
  /** The 1-based line in the file, when the message is about a file other than an article (an annotations file). */
  line?: number;
}
