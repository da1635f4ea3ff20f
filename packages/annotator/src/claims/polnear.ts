/** A character range of a brat annotation, end exclusive. */
export interface Range {
  start: number;
  end: number;
}

/** One gold attribution: each part is a list of ranges (discontinuous spans have several; missing parts none). */
export interface GoldAttribution {
  source: Range[];
  cue: Range[];
  content: Range[];
}

/**
 * Read the attributions of a PolNeAR brat `.ann` file. Text-bound annotations (`T`) hold the spans; each
 * event (`E`) links an `Attribution` (or `Attribution-no-source`) trigger to its `Source`, `Cue` and
 * `Content` (roles may carry a number: `Content2`). Without a `Cue` role the trigger span is the cue.
 * Text fields may run over several lines; only offsets are used.
 */
export function parseAttributions(ann: string): GoldAttribution[] {
  const spans = new Map<string, Range[]>();
  const events: string[][] = [];
  for (const line of ann.split(/\r?\n/)) {
    const tab = line.split('\t');
    const id = tab[0] ?? '';
    if (/^T\d+$/.test(id) && tab[1]) {
      const head = tab[1];
      const space = head.indexOf(' ');
      const ranges: Range[] = [];
      for (const part of head.slice(space + 1).split(';')) {
        const [a, b] = part.trim().split(' ');
        const start = Number(a);
        const end = Number(b);
        if (Number.isInteger(start) && Number.isInteger(end) && end > start) ranges.push({ start, end });
      }
      spans.set(id, ranges);
    } else if (/^E\d+$/.test(id) && tab[1]) {
      events.push(tab[1].trim().split(/\s+/));
    }
  }
  const attributions: GoldAttribution[] = [];
  for (const args of events) {
    const gold: GoldAttribution = { source: [], cue: [], content: [] };
    let trigger: Range[] = [];
    let isAttribution = false;
    for (const arg of args) {
      const colon = arg.indexOf(':');
      const role = arg.slice(0, colon).replace(/\d+$/, '');
      const ranges = spans.get(arg.slice(colon + 1)) ?? [];
      if (role === 'Attribution' || role === 'Attribution-no-source') {
        trigger = ranges;
        isAttribution = true;
      } else if (role === 'Source') gold.source.push(...ranges);
      else if (role === 'Cue') gold.cue.push(...ranges);
      else if (role === 'Content') gold.content.push(...ranges);
    }
    if (!isAttribution) continue;
    if (gold.cue.length === 0) gold.cue.push(...trigger);
    attributions.push(gold);
  }
  return attributions;
}

/** Whether `[start, end)` overlaps any of `ranges`. */
export function overlapsAny(ranges: readonly Range[], start: number, end: number): boolean {
  for (const r of ranges) if (r.start < end && start < r.end) return true;
  return false;
}
