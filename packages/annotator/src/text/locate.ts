import { location } from 'vfile-location';

/** Offsets to unist points (line and column 1-based) for one text. */
export function locate(text: string): (offset: number) => { line: number; column: number; offset: number } {
  const place = location(text);
  return (offset) => {
    const point = place.toPoint(offset);
    return point ? { line: point.line, column: point.column, offset } : { line: 1, column: 1, offset };
  };
}
