/**
 * Point-in-polygon lookup over commune boundaries ("which commune is this point in?").
 *
 * Boundaries come from `seed-data/admin-units/dak_lak_communes.geojson` (simplified, shared
 * borders preserved), so they are a cartographic reference, not the legal boundary.
 *
 * Algorithm: ray casting with the even-odd rule over all rings of a polygon (so holes work
 * without knowing ring orientation); a polygon matches when the crossing count is odd, a
 * MultiPolygon when any of its parts matches. Candidates are narrowed by a coarse uniform
 * grid over the overall bounding box (each cell lists the features whose bounding box
 * overlaps it) and by a bounding-box check per feature and per part.
 *
 * A point exactly on a shared border may lie in two features; the first feature in the
 * input map's iteration order wins, so results are deterministic.
 */

/** GeoJSON position: [longitude, latitude, optional altitude …] (RFC 7946 §3.1.1). */
export type Position = readonly [number, number, ...number[]];

export interface GeoJSONPolygon {
  type: 'Polygon';
  /** First ring is the exterior, further rings are holes. */
  coordinates: Position[][];
}

export interface GeoJSONMultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

export type GeoJSONGeometry = GeoJSONPolygon | GeoJSONMultiPolygon;

export interface CommuneLocator {
  /** Code of the commune containing the point, or null when no commune contains it. */
  locate(lon: number, lat: number): string | null;
}

interface BBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

interface PreparedPart extends BBox {
  /** Each ring as interleaved x0,y0,x1,y1,… */
  rings: Float64Array[];
}

interface PreparedFeature extends BBox {
  code: string;
  parts: PreparedPart[];
}

/** Target number of grid cells along the longer side of the overall bounding box. */
const GRID_SIZE = 64;

function emptyBBox(): BBox {
  return { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
}

function extend(box: BBox, other: BBox): void {
  if (other.minX < box.minX) box.minX = other.minX;
  if (other.minY < box.minY) box.minY = other.minY;
  if (other.maxX > box.maxX) box.maxX = other.maxX;
  if (other.maxY > box.maxY) box.maxY = other.maxY;
}

function inBBox(box: BBox, x: number, y: number): boolean {
  return x >= box.minX && x <= box.maxX && y >= box.minY && y <= box.maxY;
}

function preparePart(polygon: Position[][], code: string): PreparedPart | null {
  const part: PreparedPart = { ...emptyBBox(), rings: [] };
  for (const ring of polygon) {
    if (ring.length < 3) continue; // degenerate ring: encloses nothing
    const flat = new Float64Array(ring.length * 2);
    for (let i = 0; i < ring.length; i++) {
      const position = ring[i]!;
      const x = position[0];
      const y = position[1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        throw new Error(`Boundary of ${code} has a non-numeric coordinate`);
      }
      flat[i * 2] = x;
      flat[i * 2 + 1] = y;
      if (x < part.minX) part.minX = x;
      if (x > part.maxX) part.maxX = x;
      if (y < part.minY) part.minY = y;
      if (y > part.maxY) part.maxY = y;
    }
    part.rings.push(flat);
  }
  return part.rings.length > 0 ? part : null;
}

function prepareFeature(code: string, geometry: GeoJSONGeometry): PreparedFeature {
  let polygons: Position[][][];
  if (geometry.type === 'Polygon') polygons = [geometry.coordinates];
  else if (geometry.type === 'MultiPolygon') polygons = geometry.coordinates;
  else {
    throw new Error(
      `Boundary of ${code} must be a Polygon or MultiPolygon, got ${(geometry as { type: unknown }).type}`,
    );
  }
  const feature: PreparedFeature = { ...emptyBBox(), code, parts: [] };
  for (const polygon of polygons) {
    const part = preparePart(polygon, code);
    if (!part) continue;
    feature.parts.push(part);
    extend(feature, part);
  }
  return feature;
}

/** Even-odd ray casting over all rings of one polygon (exterior + holes). */
function partContains(part: PreparedPart, x: number, y: number): boolean {
  let inside = false;
  for (const ring of part.rings) {
    const n = ring.length;
    // Closing edge (last → first) is included, so it works whether or not the ring repeats
    // its first position at the end (a repeated point only adds a zero-length edge).
    let xj = ring[n - 2]!;
    let yj = ring[n - 1]!;
    for (let i = 0; i < n; i += 2) {
      const xi = ring[i]!;
      const yi = ring[i + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      xj = xi;
      yj = yi;
    }
  }
  return inside;
}

function featureContains(feature: PreparedFeature, x: number, y: number): boolean {
  if (!inBBox(feature, x, y)) return false;
  for (const part of feature.parts) {
    if (inBBox(part, x, y) && partContains(part, x, y)) return true;
  }
  return false;
}

export function buildCommuneLocator(boundaries: Map<string, GeoJSONGeometry>): CommuneLocator {
  const features: PreparedFeature[] = [];
  const bounds = emptyBBox();
  for (const [code, geometry] of boundaries) {
    const feature = prepareFeature(code, geometry);
    if (feature.parts.length === 0) continue;
    features.push(feature);
    extend(bounds, feature);
  }
  if (features.length === 0) return { locate: () => null };

  // Coarse grid: cell → indices of features whose bbox overlaps the cell, in input order.
  const width = bounds.maxX - bounds.minX;
  const height = bounds.maxY - bounds.minY;
  const longer = Math.max(width, height);
  const cellSize = longer > 0 ? longer / GRID_SIZE : 1;
  const cols = Math.max(1, Math.ceil(width / cellSize));
  const rows = Math.max(1, Math.ceil(height / cellSize));
  const colOf = (x: number) => Math.min(cols - 1, Math.floor((x - bounds.minX) / cellSize));
  const rowOf = (y: number) => Math.min(rows - 1, Math.floor((y - bounds.minY) / cellSize));
  const cells: number[][] = Array.from({ length: cols * rows }, () => []);
  features.forEach((feature, index) => {
    const c0 = colOf(feature.minX);
    const c1 = colOf(feature.maxX);
    const r0 = rowOf(feature.minY);
    const r1 = rowOf(feature.maxY);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) cells[r * cols + c]!.push(index);
    }
  });

  return {
    locate(lon: number, lat: number): string | null {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
      if (!inBBox(bounds, lon, lat)) return null;
      const candidates = cells[rowOf(lat) * cols + colOf(lon)]!;
      for (const index of candidates) {
        const feature = features[index]!;
        if (featureContains(feature, lon, lat)) return feature.code;
      }
      return null;
    },
  };
}
