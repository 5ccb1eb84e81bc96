/**
 * `/api/units/map` → GeoJSON for ECharts (pure, tested).
 *
 * The API lists each commune's rings with outer rings and holes mixed (it draws them with SVG's
 * even-odd rule). ECharts wants GeoJSON polygons — an exterior and its holes — and fills with the
 * canvas's non-zero rule, so a hole only shows as a hole when it winds the other way. Here each
 * ring's nesting depth among the commune's rings decides: even = exterior (wound counter-clockwise,
 * as RFC 7946 asks), odd = hole of the smallest exterior around it (wound clockwise).
 */

export type Position = readonly [number, number] | readonly number[];
export type Ring = readonly Position[];

export interface MapInput {
  communes: readonly { code: string; name: string; rings: readonly Ring[] }[];
}

export interface CommuneFeature {
  type: 'Feature';
  /** `name` is the commune code: ECharts joins regions and data on it. */
  properties: { name: string; label: string };
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export interface CommuneGeoJson {
  type: 'FeatureCollection';
  features: CommuneFeature[];
}

const x = (p: Position) => p[0] ?? 0;
const y = (p: Position) => p[1] ?? 0;

/** Shoelace area: > 0 counter-clockwise (lon east, lat north). */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const a = ring[j] ?? [];
    const b = ring[i] ?? [];
    sum += (x(a) - x(b)) * (y(a) + y(b));
  }
  return sum / 2;
}

/** Even-odd point-in-ring test. */
export function ringContains(ring: Ring, px: number, py: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const a = ring[i] ?? [];
    const b = ring[j] ?? [];
    if (y(a) > py !== y(b) > py && px < ((x(b) - x(a)) * (py - y(a))) / (y(b) - y(a)) + x(a)) {
      inside = !inside;
    }
  }
  return inside;
}

/**
 * Is `inner` inside `outer`? Simplified boundaries may touch at a vertex, so a few of the inner
 * ring's vertices vote instead of the first one alone.
 */
function ringInside(inner: Ring, outer: Ring): boolean {
  const step = Math.max(1, Math.floor(inner.length / 5));
  let yes = 0;
  let votes = 0;
  for (let i = 0; i < inner.length - 1 && votes < 5; i += step) {
    const p = inner[i] ?? [];
    votes += 1;
    if (ringContains(outer, x(p), y(p))) yes += 1;
  }
  return yes * 2 > votes;
}

function oriented(ring: Ring, counterClockwise: boolean): number[][] {
  const copy = ring.map((p) => [x(p), y(p)]);
  return signedArea(ring) > 0 === counterClockwise ? copy : copy.reverse();
}

/** One commune's rings as MultiPolygon coordinates (exteriors with their holes). */
export function ringsToPolygons(rings: readonly Ring[]): number[][][][] {
  const containers = rings.map((ring, i) =>
    rings.flatMap((other, j) => (j !== i && ringInside(ring, other) ? [j] : [])),
  );
  const polygons = new Map<number, number[][][]>();
  rings.forEach((ring, i) => {
    if ((containers[i]?.length ?? 0) % 2 === 0) polygons.set(i, [oriented(ring, true)]);
  });
  rings.forEach((ring, i) => {
    const around = containers[i] ?? [];
    if (around.length % 2 === 0) return;
    // The exterior directly around this hole: the innermost exterior that contains it.
    const parent = around
      .filter((j) => polygons.has(j))
      .sort(
        (a, b) => Math.abs(signedArea(rings[a] ?? [])) - Math.abs(signedArea(rings[b] ?? [])),
      )[0];
    if (parent !== undefined) polygons.get(parent)?.push(oriented(ring, false));
  });
  return [...polygons.values()];
}

/** The whole map, one feature per commune, keyed by commune code. */
export function mapToGeoJson(map: MapInput): CommuneGeoJson {
  return {
    type: 'FeatureCollection',
    features: map.communes.map((c) => ({
      type: 'Feature',
      properties: { name: c.code, label: c.name },
      geometry: { type: 'MultiPolygon', coordinates: ringsToPolygons(c.rings) },
    })),
  };
}
