import { articleGlobs, defaultMaxFileSize } from '@claimlens/core';
import { defaultHighlights, type Settings } from './protocol.js';

/** Settings when the client gives none. */
export const defaultSettings: Settings = {
  files: {
    include: [...articleGlobs],
    exclude: ['**/node_modules/**', '**/.*/**'],
    maxSize: defaultMaxFileSize,
  },
  highlights: { ...defaultHighlights },
  diagnostics: { severity: 'information' },
  disputes: { minConfidence: 0 },
  analysis: { delay: 300, timeout: 10_000 },
};

const severities = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Normalise whatever the client sent under `claimlens` into settings; never throws, falls back to defaults. */
export function normaliseSettings(value: unknown): Settings {
  const root = record(value);
  const files = record(root.files);
  const highlights = record(root.highlights);
  const diagnostics = record(root.diagnostics);
  const disputes = record(root.disputes);
  const analysis = record(root.analysis);
  const d = defaultSettings;
  const severity = typeof diagnostics.severity === 'string' ? diagnostics.severity.toLowerCase() : '';
  return {
    files: {
      include: strings(files.include) ?? d.files.include,
      exclude: strings(files.exclude) ?? d.files.exclude,
      maxSize: number(files.maxSize, 1_000, Number.MAX_SAFE_INTEGER) ?? d.files.maxSize,
    },
    highlights: {
      actors: bool(highlights.actors) ?? d.highlights.actors,
      places: bool(highlights.places) ?? d.highlights.places,
      claims: bool(highlights.claims) ?? d.highlights.claims,
      ownVoice: bool(highlights.ownVoice) ?? d.highlights.ownVoice,
      events: bool(highlights.events) ?? d.highlights.events,
      contradictions: bool(highlights.contradictions) ?? d.highlights.contradictions,
    },
    diagnostics: {
      severity: severities.has(severity) ? (severity as Settings['diagnostics']['severity']) : d.diagnostics.severity,
    },
    disputes: { minConfidence: number(disputes.minConfidence, 0, 1) ?? d.disputes.minConfidence },
    analysis: {
      delay: number(analysis.delay, 0, 60_000) ?? d.analysis.delay,
      timeout: number(analysis.timeout, 100, 600_000) ?? d.analysis.timeout,
    },
  };
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : undefined;
  if (!Array.isArray(value)) return undefined;
  const list = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  return list.length > 0 || value.length === 0 ? list : undefined;
}

function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

function number(value: unknown, min: number, max: number): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : undefined;
}
