import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import '../types.js';

export interface Options {}

const emptyOptions: Options = {};

/**
 * Group the document's mentions into entities ("Rasmussen" → "Anders Fogh Rasmussen"; "FSB" ↔ "Federal
 * Security Service"). Sets `mention.entity` and `file.data.entities`. (First version: one entity per name.)
 */
export default function linkEntities(options?: Readonly<Options> | null) {
  const _settings = options ?? emptyOptions;
  return (_tree: Root, file: VFile): void => {
    const byName = new Map<string, string>();
    file.data.entities = [];
    for (const mention of file.data.mentions ?? []) {
      const key = `${mention.type}:${mention.text}`;
      let id = byName.get(key);
      if (!id) {
        id = `e${byName.size + 1}`;
        byName.set(key, id);
        file.data.entities.push({ id, name: mention.text, type: mention.type, kind: mention.kind, aliases: [] });
      }
      mention.entity = id;
    }
  };
}
