/**
 * The custom messages between the claimlens language server and its clients, declared once and imported by both
 * (`@claimlens/server/protocol`). Everything else is standard LSP: diagnostics, hover, definition, references,
 * code actions, `$/progress`.
 *
 * Only plain data crosses this boundary: ranges are LSP ranges (0-based line and UTF-16 character), made on the
 * server side by its one position converter.
 */
import type { ExportFile, ExportFormat } from '@claimlens/core';
import type { StoryModel } from '@claimlens/views';
import type { Location, Range } from 'vscode-languageserver-types';

/**
 * A request: its method name, with its parameter and result types carried along for both sides. Plain data, so
 * client and server may use different versions of the LSP libraries.
 */
export interface Request<P, R> {
  readonly method: string;
  readonly types?: { params: P; result: R };
}

/** A notification: its method name and parameter type. */
export interface Notification<P> {
  readonly method: string;
  readonly types?: { params: P };
}

function request<P, R>(method: string): Request<P, R> {
  return { method };
}

function notification<P>(method: string): Notification<P> {
  return { method };
}

/** What a highlight marks; each is one themable colour in the editor. */
export type HighlightKind =
  | 'actor'
  | 'place'
  | 'source'
  | 'cue'
  | 'content'
  /** A statement in the outlet's own voice (no source), painted only when `highlights.ownVoice` is on. */
  | 'ownVoice'
  | 'event'
  | 'contradiction'
  /** A span a person tagged, marked or accepted (drawn over its category's colour, in a colour of its own). */
  | 'human';

export interface Highlight {
  kind: HighlightKind;
  range: Range;
}

export interface HighlightsParams {
  uri: string;
}

export interface HighlightsResult {
  uri: string;
  /** The document version the highlights were computed for; null for a file not open in the editor. */
  version: number | null;
  highlights: Highlight[];
}

/** Highlights of one document: actors, places, claim parts, event triggers and contradicting claims. */
export const highlightsRequest = request<HighlightsParams, HighlightsResult>('claimlens/highlights');

/** Sent by the server when a document's highlights changed; the client asks for them again if it shows it. */
export const highlightsChangedNotification = notification<{ uri: string; version: number | null }>(
  'claimlens/highlightsChanged',
);

/** What an article (or the workspace) holds: distinct actors, places and events, reported claims, disputes. */
export interface Counts {
  articles: number;
  actors: number;
  places: number;
  /** Claims with a source (reported speech); the outlet's own statements are not counted. */
  claims: number;
  events: number;
  /** Disputes shown whose positions cannot all hold (in a document: those it takes a side in). */
  disputes: number;
}

export interface StatusParams {
  /** Whole workspace counts. */
  workspace: Counts;
  /** Counts per document uri, for documents open in the editor. */
  documents: Record<string, Counts>;
  /** Files still waiting for analysis. */
  pending: number;
  /** Files abandoned because they took too long or failed. */
  failed: number;
  /** Files not analysed because the user cancelled the background run (Analyse Workspace runs them). */
  skipped?: number;
}

/** Sent by the server after each analysis round: counts for the status bar and legend. */
export const statusNotification = notification<StatusParams>('claimlens/status');

/** A range in a file, LSP's `Location` (a `Place` in core is a geographic place): for links and "open beside". */
export type { Location };

export interface ExplorerClaim {
  id: string;
  label: string;
  speaker: string | null;
  outlet: string;
  stance: string;
  place: Location;
  /** Whether the claim takes a side in a dispute (positions that cannot all hold). */
  contradicted: boolean;
}

/** One position of a dispute: the value, who holds it, and where its first claim is. */
export interface DisputePositionItem {
  value: string;
  /** Each source as "Speaker (Outlet)". */
  sources: string[];
  place: Location | null;
}

/** A dispute over one point of an event, with every position. */
export interface ExplorerDispute {
  id: string;
  /** What is disputed, in a few words ("how many"). */
  what: string;
  facet: string;
  /** The positions differ but can all hold: a discrepancy, not a dispute. */
  compatible: boolean;
  /** A later report updates an earlier one. */
  update: boolean;
  confidence: number;
  explanation: string;
  positions: DisputePositionItem[];
}

export interface ExplorerEvent {
  id: string;
  label: string;
  type: string;
  /** Why its mentions were grouped ("same word “quake”; shared participants: …"); null for one mention. */
  reason: string | null;
  /** Claims grouped by outlet (outlet name → claims). */
  outlets: { outlet: string; claims: ExplorerClaim[] }[];
  mentions: number;
  /** The disputes about this event shown (scored at least the setting, not dismissed), the ones that cannot all hold first. */
  disputes: ExplorerDispute[];
  place: Location | null;
}

export interface ExplorerEntity {
  id: string;
  name: string;
  kind: string;
  detail: string;
  /** Mentions, one per article, first mention each. */
  mentions: { outlet: string; article: string; place: Location }[];
  place: Location | null;
}

export interface ExplorerParams {
  /** Only claims and mentions from this outlet; null or absent for all. */
  outlet?: string | null;
}

/** A human annotation, for the explorer's list. */
export interface ExplorerAnnotation {
  /** The annotation's id in its file. */
  id: string;
  /** The article's uri. */
  uri: string;
  /** "actor · person", "rejected", "claim · deny" … */
  label: string;
  /** The quoted words. */
  text: string;
  creator: string;
  /** Where it is now; null when it no longer fits the text (orphaned). */
  place: Location | null;
}

export interface ExplorerResult {
  events: ExplorerEvent[];
  actors: ExplorerEntity[];
  places: ExplorerEntity[];
  outlets: string[];
  /** Human annotations of the workspace's articles, by article then position. */
  annotations?: ExplorerAnnotation[];
}

/** The explorer view: events with claims by outlet, actors, places. */
export const explorerRequest = request<ExplorerParams, ExplorerResult>('claimlens/explorer');

/** Analyse every article in the workspace folders again, in the background. */
export const analyzeWorkspaceRequest = request<null, { files: number }>('claimlens/analyzeWorkspace');

export interface DisputeItem extends ExplorerDispute {
  dismissed: boolean;
  /** A stable key for dismissing this finding. */
  key: string;
  /** The first claim of each position that has a place: its outlet, speaker and words. */
  sides: { place: Location; outlet: string; speaker: string | null; text: string; value: string }[];
}

/** Every dispute in the workspace scored at least `claimlens.disputes.minConfidence`, dismissed ones marked. */
export const disputesRequest = request<null, DisputeItem[]>('claimlens/disputes');

export interface DismissParams {
  key: string;
  /** True to dismiss, false to bring the finding back. */
  dismissed: boolean;
}

/** Dismiss a finding (remembered in `.claimlens/dismissed.json` in the first workspace folder). */
export const dismissRequest = request<DismissParams, { dismissed: string[] }>('claimlens/dismiss');

export type { ExportFile, ExportFormat };

export interface ExportParams {
  format: ExportFormat;
  /** Export only this document; absent for the whole workspace. */
  uri?: string;
}

/** Export annotations: JSON, brat standoff (`.ann` beside each text) or W3C Web Annotation (JSON-LD). */
export const exportRequest = request<ExportParams, { files: ExportFile[] }>('claimlens/export');

/** The workspace's story model, or null before the first corpus is built. */
export type StoryModelResult = StoryModel | null;

/** What the story board, timeline and map draw (see `@claimlens/views`), for the whole workspace. */
export const storyRequest = request<null, StoryModelResult>('claimlens/story');

/**
 * What to do at a range of an article: `tag` it as an actor or place (with a kind), mark a `claim` (the range is
 * its content), `reject` or `accept` what the machine found there, `link` the mention there to an entity by
 * name, `unlink` it (an entity of its own, named by its words), or `remove` human annotations there (or the one
 * with `id`).
 */
export interface AnnotateParams {
  uri: string;
  action: 'tag' | 'claim' | 'reject' | 'accept' | 'link' | 'unlink' | 'remove';
  range: Range;
  /** The document version the range is in; refused when the server has analysed another. */
  version: number;
  tag?: 'actor' | 'place';
  kind?: string;
  stance?: string;
  /** A claim's source and cue. */
  source?: Range;
  cue?: Range;
  /** `link`: the entity's name. */
  entity?: string;
  /** `remove`: the annotation's id. */
  id?: string;
}

export interface AnnotateResult {
  /** What was done, or why nothing was, in a sentence. */
  message: string;
  done: boolean;
  /** The annotations file before the change (null: there was none), to undo it with `restoreAnnotationsRequest`. */
  undo?: { uri: string; content: string | null };
  /** The annotations file after the change (null: none is left), to do it again with `restoreAnnotationsRequest`. */
  redo?: { uri: string; content: string | null };
}

/** Add, change or remove human annotations (written to `.claimlens/annotations/<article>.jsonld`). */
export const annotateRequest = request<AnnotateParams, AnnotateResult>('claimlens/annotate');

/** Put an article's annotations file back as it was (undo), or as it was after a change (redo): `content` null removes it. */
export const restoreAnnotationsRequest = request<{ uri: string; content: string | null }, AnnotateResult>(
  'claimlens/restoreAnnotations',
);

/** Commands the server puts in hovers and code actions; the client implements them. */
export const commands = {
  /** Arguments: `Location`, `beside?: boolean`. Opens the file and selects the range. */
  openPlace: 'claimlens.openPlace',
  /** Arguments: `key: string`. */
  dismissFinding: 'claimlens.dismissFinding',
  /** Arguments: `uri: string`, `range: Range`. Rejects what the machine found there. */
  rejectAnnotation: 'claimlens.rejectAnnotation',
  /** Arguments: `uri: string`, `range: Range`. Accepts what the machine found there. */
  acceptAnnotation: 'claimlens.acceptAnnotation',
} as const;

/** Options a client passes in `initializationOptions`. */
export interface InitializationOptions {
  /** Whether the client runs `claimlens.openPlace` from command links in hovers; else links are file URIs. */
  commandLinks?: boolean;
  /** Where the annotator's data folder is, when not beside the server. */
  dataDir?: string;
  /**
   * Whether the server offers LSP semantic tokens (default true). The VS Code extension turns them off: its
   * decorations draw the same highlights with backgrounds, wavy underlines and ruler marks, which tokens cannot.
   */
  semanticTokens?: boolean;
  /** The name written as the creator of human annotations; default: the user's login name. */
  annotator?: string;
}

/** Settings, read by the server under the `claimlens` section. */
export interface Settings {
  files: { include: string[]; exclude: string[]; maxSize: number };
  highlights: {
    actors: boolean;
    places: boolean;
    /** Reported claims: source, cue and content. */
    claims: boolean;
    /** Statements in the outlet's own voice (claims with no source), painted faintly; off by default. */
    ownVoice: boolean;
    events: boolean;
    contradictions: boolean;
  };
  diagnostics: { severity: 'error' | 'warning' | 'information' | 'hint' | 'off' };
  /** Disputes and agreements scored below `minConfidence` (0 to 1; default 0) are not shown. */
  disputes: { minConfidence: number };
  analysis: { delay: number; timeout: number };
}

/**
 * The highlight categories shown when the user has set none: the server's settings and the extension's legend
 * read them here (the extension's package.json declares the same defaults; a test checks).
 */
export const defaultHighlights: Readonly<Settings['highlights']> = {
  actors: true,
  places: true,
  claims: true,
  ownVoice: false,
  events: false,
  contradictions: true,
};
