import { type Io, processIo, UsageError, version } from './io.js';

export const usage = `Usage: claimlens <command> [options]

Who says what across news sources: actors, places, claims, events and contradictions.

Commands:
  annotate [FILE|-]        Annotate one document (stdin with - or no FILE)
      --format json|text   Output format (default: json)
      --markdown           Read the input as Markdown (default: by extension; stdin is plain text)
  analyze PATH...          Analyse files and folders of articles (.txt, .md) as one corpus
      --format FORMAT      text (default): a report to read; json: the whole corpus (version 2);
                           jsonl: one article per line; brat: .ann files (needs --out);
                           w3c: W3C Web Annotation JSON-LD; html: story board, timeline and map (needs --out)
      --out DIR            Write into DIR instead of stdout (json → corpus.json, jsonl → corpus.jsonl,
                           text → report.txt, brat → ID.ann + ID.txt + annotation.conf, w3c → ID.jsonld,
                           html → index.html)
      --max-file-size N    Analyse at most N bytes of a file (default: claimlens.json maxFileSize, else 10000000)
      --min-confidence N   Show only disputes and agreements scored at least N, from 0 to 1 (default: 0, all);
                           applies to text, json and html, the formats that carry them
      --quiet              Print only errors on stderr, no warnings and no progress bar
      --no-cache           Annotate every article again instead of reusing cached annotations (also for annotate)
  compare GOLD PRED        Precision, recall and F1 per type of PRED against GOLD; each is a brat .ann file or a
                           folder of them, W3C JSON-LD, claimlens JSON or JSON Lines
  compare FOLDER           How far the machine agrees with the human annotations of FOLDER's articles
                           (.claimlens/annotations), per type
      --format text|json   Output format (default: text)
  cache clear              Remove the cached annotations ($XDG_CACHE_HOME/claimlens, or the platform's cache folder)

Options:
  -h, --help               Show this help
  -v, --version            Show the version

Exit codes: 0 done; 1 nothing could be read (or output could not be written); 2 usage error.
Docs: docs/cli.md and docs/json-contract.md.`;

/** Run the command line; resolves to the exit code. Never throws for bad input or bad usage. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      io.stderr.write(`${usage}\n`);
      return 2;
    }
    if (command === '-h' || command === '--help' || command === 'help') {
      io.stdout.write(`${usage}\n`);
      return 0;
    }
    if (command === '-v' || command === '--version') {
      io.stdout.write(`${version()}\n`);
      return 0;
    }
    if (rest.includes('-h') || rest.includes('--help')) {
      io.stdout.write(`${usage}\n`);
      return 0;
    }
    // Commands load the annotator (models, gazetteer) only when run, so help and usage errors answer at once.
    if (command === 'annotate') return await (await import('./commands/annotate.js')).annotateCommand(rest, io);
    if (command === 'analyze' || command === 'analyse')
      return await (await import('./commands/analyze.js')).analyzeCommand(rest, io);
    if (command === 'compare') return await (await import('./commands/compare.js')).compareCommand(rest, io);
    if (command === 'cache') return await (await import('./commands/cache.js')).cacheCommand(rest, io);
    throw new UsageError(`Unknown command "${command}"; expected annotate, analyze, compare or cache.`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`claimlens: ${error.message}\nRun "claimlens --help" for usage.\n`);
      return 2;
    }
    io.stderr.write(`claimlens: error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
