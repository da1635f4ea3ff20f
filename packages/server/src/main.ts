#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnnotator } from '@claimlens/annotator';
import { AnnotationCache } from '@claimlens/core';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { defaultBuild, inlineBuilder, workerBuilder } from './builder.js';
import { cachedRunner, inlineRunner, workerRunner } from './runner.js';
import { startServer } from './server.js';

/**
 * The claimlens language server. Transport from the command line: `--stdio`, `--node-ipc` or `--socket=<port>`.
 * `--inline` annotates in the server's own thread instead of a worker thread. Annotations and event groupings are
 * kept in the user's annotation cache, shared with the CLI, unless `--no-cache`.
 */
const worker = ['worker.cjs', 'worker.js']
  .map((name) => fileURLToPath(new URL(name, import.meta.url)))
  .find((file) => existsSync(file));
const threads = worker !== undefined && !process.argv.includes('--inline');
const annotating = threads ? workerRunner(worker) : inlineRunner(createAnnotator());
const cache = process.argv.includes('--no-cache') ? null : new AnnotationCache();
const runner = cache ? cachedRunner(annotating, cache) : annotating;
const builder = threads ? workerBuilder(worker, { cache: cache !== null }) : inlineBuilder(defaultBuild(cache));
startServer(createConnection(ProposedFeatures.all), { runner, builder });

// Whatever escapes a handler is logged, never fatal: one bad file or one failed send must not stop the server.
process.on('unhandledRejection', (reason) =>
  process.stderr.write(`claimlens: unhandled rejection: ${String(reason)}\n`),
);
process.on('uncaughtException', (error) =>
  process.stderr.write(`claimlens: uncaught exception: ${error.stack ?? error}\n`),
);
