#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnnotator } from '@claimlens/annotator';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { inlineRunner, workerRunner } from './runner.js';
import { startServer } from './server.js';

/**
 * The claimlens language server. Transport from the command line: `--stdio`, `--node-ipc` or `--socket=<port>`.
 * `--inline` annotates in the server's own thread instead of a worker thread.
 */
const worker = ['worker.cjs', 'worker.js']
  .map((name) => fileURLToPath(new URL(name, import.meta.url)))
  .find((file) => existsSync(file));
const runner = worker && !process.argv.includes('--inline') ? workerRunner(worker) : inlineRunner(createAnnotator());
startServer(createConnection(ProposedFeatures.all), { runner });
