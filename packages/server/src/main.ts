#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnnotator } from '@claimlens/annotator';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { inlineBuilder, workerBuilder } from './builder.js';
import { inlineRunner, workerRunner } from './runner.js';
import { startServer } from './server.js';

/**
 * The claimlens language server. Transport from the command line: `--stdio`, `--node-ipc` or `--socket=<port>`.
 * `--inline` annotates in the server's own thread instead of a worker thread.
 */
const worker = ['worker.cjs', 'worker.js']
  .map((name) => fileURLToPath(new URL(name, import.meta.url)))
  .find((file) => existsSync(file));
const threads = worker !== undefined && !process.argv.includes('--inline');
const runner = threads ? workerRunner(worker) : inlineRunner(createAnnotator());
const builder = threads ? workerBuilder(worker) : inlineBuilder();
startServer(createConnection(ProposedFeatures.all), { runner, builder });
