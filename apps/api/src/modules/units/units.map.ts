/**
 * Commune boundaries made small enough to draw the whole province as one SVG, without a tile
 * server: every ring of every part is simplified (Douglas–Peucker) and rounded, then listed flat
 * per commune. The web draws each commune as one path with `fill-rule="evenodd"`, so holes need
 * no orientation and parts need no grouping.
 *
 * Rings are simplified one by one, so two neighbours may differ by up to the tolerance along a
 * shared border (~50 m); at province scale that is far below one pixel.
 */
import type { CommuneMap } from '@cqs/shared';
import type { GeoJSONGeometry, Position } from './units.geo';

/** ~55 m at this latitude; the whole province (~2.3° wide) stays crisp up to ~4,000 px. */
export const MAP_TOLERANCE_DEGREES = 0.0005;
/** 4 decimals ≈ 11 m: below the tolerance, so rounding does not undo the simplification. */
const DECIMALS = 4;

type Point = [number, number];

function round(value: number): number {
  const factor = 10 ** DECIMALS;
  return Math.round(value * factor) / factor;
}

/** Squared distance from p to the segment a–b. */
function segmentDistanceSquared(p: Point, a: Point, b: Point): number {
  let [x, y] = a;
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0];
      y = b[1];
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = p[0] - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
}

/** Douglas–Peucker on an open polyline (iterative, so long rings cannot overflow the stack). */
function simplifyLine(points: Point[], tolerance: number): Point[] {
  const last = points.length - 1;
  if (last < 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[last] = 1;
  const squared = tolerance * tolerance;
  const stack: [number, number][] = [[0, last]];
  while (stack.length > 0) {
    const [first, end] = stack.pop()!;
    let farthest = -1;
    let maxDistance = squared;
    for (let i = first + 1; i < end; i++) {
      const d = segmentDistanceSquared(points[i]!, points[first]!, points[end]!);
      if (d > maxDistance) {
        farthest = i;
        maxDistance = d;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, end]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * A closed ring simplified as two halves split at the vertex farthest from the first one, so the
 * start vertex is not a fixed "corner" of a degenerate chord. Returns the ring closed, rounded,
 * without consecutive duplicates, or null when nothing with area is left (a speck < tolerance).
 */
export function simplifyRing(ring: readonly Position[], tolerance: number): Point[] | null {
  const open: Point[] = ring.map((p) => [p[0], p[1]]);
  const [x0, y0] = open[0] ?? [0, 0];
  if (open.length > 1 && open.at(-1)![0] === x0 && open.at(-1)![1] === y0) open.pop();
  if (open.length < 3) return null;
  let split = 1;
  let maxDistance = -1;
  for (let i = 1; i < open.length; i++) {
    const d = (open[i]![0] - x0) ** 2 + (open[i]![1] - y0) ** 2;
    if (d > maxDistance) {
      maxDistance = d;
      split = i;
    }
  }
  const firstHalf = simplifyLine(open.slice(0, split + 1), tolerance);
  const secondHalf = simplifyLine([...open.slice(split), open[0]!], tolerance);
  const simplified = [...firstHalf, ...secondHalf.slice(1)];
  const rounded: Point[] = [];
  for (const [x, y] of simplified) {
    const point: Point = [round(x), round(y)];
    const previous = rounded.at(-1);
    if (!previous || previous[0] !== point[0] || previous[1] !== point[1]) rounded.push(point);
  }
  // Closed with ≥ 3 distinct vertices, i.e. ≥ 4 positions; a tighter tolerance keeps a small
  // island visible instead of dropping it.
  if (rounded.length < 4) {
    return tolerance > 1e-5 ? simplifyRing(ring, tolerance / 4) : null;
  }
  return rounded;
}

export function geometryRings(geometry: GeoJSONGeometry): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

export function buildCommuneMap(
  communes: readonly { code: string; name: string; geometry: GeoJSONGeometry }[],
  tolerance = MAP_TOLERANCE_DEGREES,
): CommuneMap {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  const result: CommuneMap['communes'] = [];
  for (const commune of communes) {
    const rings: Point[][] = [];
    for (const ring of geometryRings(commune.geometry)) {
      const simplified = simplifyRing(ring, tolerance);
      if (!simplified) continue;
      rings.push(simplified);
      for (const [lon, lat] of simplified) {
        if (lon < minLon) minLon = lon;
        if (lon > maxLon) maxLon = lon;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
    }
    if (rings.length > 0) result.push({ code: commune.code, name: commune.name, rings });
  }
  if (result.length === 0) return { bbox: [0, 0, 0, 0], communes: [] };
  return { bbox: [minLon, minLat, maxLon, maxLat], communes: result };
}
