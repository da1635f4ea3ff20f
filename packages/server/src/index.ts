export { startServer, type ServerOptions } from './server.js';
export { inlineBuilder, workerBuilder, type CorpusBuilder } from './builder.js';
export { inlineRunner, workerRunner, TimeoutError, type AnnotationRunner, type AnnotateJob } from './runner.js';
export { Workspace, outletName, type CorpusState, type Entry, type Snapshot, type WorkspaceOptions } from './workspace.js';
export { normaliseSettings, defaultSettings } from './settings.js';
export { matchesGlob, selectFile } from './glob.js';
export { toOffset, toRange } from './positions.js';
export * from './protocol.js';
