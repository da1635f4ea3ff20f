import { closeSync, openSync, writeSync } from 'node:fs';

/** Bytes gathered before each write: large enough to keep writes few, small enough to keep memory flat. */
const chunkSize = 1 << 20;

/**
 * Write `value` as `JSON.stringify(value, null, 2)` followed by a newline, the same bytes, but a piece at a time:
 * an object's arrays one element at a time, so a corpus or a long text's annotation is never one string in memory.
 */
export function writeJson(value: unknown, write: (chunk: string) => unknown): void {
  let pending = '';
  const emit = (text: string) => {
    pending += text;
    if (pending.length >= chunkSize) {
      write(pending);
      pending = '';
    }
  };
  const plain = value !== null && typeof value === 'object' && !Array.isArray(value) && !('toJSON' in value);
  if (!plain) emit(JSON.stringify(value, null, 2));
  else {
    const fields = Object.entries(value).filter(([, v]) => serialisable(v));
    if (fields.length === 0) emit('{}');
    else {
      emit('{');
      fields.forEach(([key, field], i) => {
        emit(`${i === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `);
        if (Array.isArray(field) && field.length > 0) {
          emit('[');
          field.forEach((item, j) => {
            const text = serialisable(item) ? JSON.stringify(item, null, 2) : 'null';
            emit(`${j === 0 ? '' : ','}\n    ${text.replaceAll('\n', '\n    ')}`);
          });
          emit('\n  ]');
        } else emit((JSON.stringify(field, null, 2) as string).replaceAll('\n', '\n  '));
      });
      emit('\n}');
    }
  }
  write(`${pending}\n`);
}

/** Write `value` to `file` as `writeJson` does. */
export function writeJsonFile(file: string, value: unknown): void {
  const fd = openSync(file, 'w');
  try {
    writeJson(value, (chunk) => writeSync(fd, chunk));
  } finally {
    closeSync(fd);
  }
}

/** Whether JSON.stringify writes a value in an object (it leaves out undefined, functions and symbols). */
function serialisable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}
