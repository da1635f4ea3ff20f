import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { root } from './run.js';

/** The schemas declare draft 2020-12; strict mode makes an unknown keyword in them an error, not a silent pass. */
const ajv = new Ajv2020({ allErrors: true, strict: true });

/** The JSON Schemas claimlens ships, by file name in `packages/core/schema`. */
export type SchemaName = 'corpus.schema.json' | 'corpus-v1.schema.json' | 'annotate.schema.json' | 'config.schema.json';

const compiled = new Map<SchemaName, ReturnType<typeof ajv.compile>>();

/** What ajv reports when `value` is checked against a shipped schema, one line per error; empty when it is valid. */
export async function schemaErrors(name: SchemaName, value: unknown): Promise<string[]> {
  let validate = compiled.get(name);
  if (!validate) {
    validate = ajv.compile(JSON.parse(await readFile(path.join(root, 'packages/core/schema', name), 'utf8')));
    compiled.set(name, validate);
  }
  return validate(value) ? [] : (validate.errors ?? []).map(describe);
}

function describe(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`;
}
