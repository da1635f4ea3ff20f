import { corpusAbove, exportFiles } from '@claimlens/core';
import type { ExportFile, ExportParams } from '../protocol.js';
import type { Workspace } from '../workspace.js';

/** Export the workspace corpus, or one document of it, in a format; disputes and agreements scored at least `minConfidence`. */
export function exportAnnotations(
  workspace: Workspace,
  params: ExportParams,
  minConfidence: number,
): { files: ExportFile[] } {
  const state = workspace.state;
  if (!state) return { files: [] };
  const id = params.uri === undefined ? undefined : state.ids.get(params.uri);
  if (params.uri !== undefined && id === undefined) return { files: [] };
  return {
    files: exportFiles(corpusAbove(state.corpus, minConfidence), params.format, id === undefined ? undefined : [id]),
  };
}
