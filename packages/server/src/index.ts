export { type CorpusBuilder, inlineBuilder, workerBuilder } from './builder.js';
export { toOffset, toRange } from './positions.js';
export * from './protocol.js';
export {
  type AnnotateJob,
  type AnnotationRunner,
  cachedRunner,
  inlineRunner,
  TimeoutError,
  workerRunner,
} from './runner.js';
export { type ServerOptions, startServer } from './server.js';
export { defaultSettings, normaliseSettings } from './settings.js';
export {
  type CorpusState,
  type Entry,
  outletName,
  type Snapshot,
  Workspace,
  type WorkspaceOptions,
} from './workspace.js';
