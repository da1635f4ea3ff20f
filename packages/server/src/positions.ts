import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

/**
 * The one converter between claimlens offsets (UTF-16 offsets into the text as read, end exclusive) and LSP
 * positions. Every range the server sends is made here.
 */
export function toRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

/** The offset of an LSP position in the document (the inverse of `toRange`). */
export function toOffset(document: TextDocument, position: Position): number {
  return document.offsetAt(position);
}
