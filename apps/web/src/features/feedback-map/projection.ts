/**
 * Pure geometry of the commune map (no DOM, no React), so it can be unit-tested.
 *
 * Map units: an equirectangular projection of the province's bounding box, longitudes scaled by
 * cos(middle latitude) so shapes are not stretched east–west (the province spans < 2° of latitude:
 * the error of this simple projection is far below a pin's size). The SVG viewBox is in map units;
 * the browser's screen CTM turns screen pixels into map units (zoom and pan included).
 */

/** [minLon, minLat, maxLon, maxLat] (WGS 84). */
export type Bbox = readonly [number, number, number, number];
export interface LonLat {
  lon: number;
  lat: number;
}
export interface Point {
  x: number;
  y: number;
}
/** An affine matrix as in DOMMatrix / SVGMatrix: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}
/** The visible part of the map, in map units: x, y of the top-left corner, width, height. */
export interface View {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Projection {
  /** Width and height of the whole map in map units. */
  width: number;
  height: number;
  toMap(p: LonLat): Point;
  toLonLat(p: Point): LonLat;
}

/** The projection of `bbox` onto a map `width` units wide (north up). */
export function makeProjection(bbox: Bbox, width = 1000): Projection {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanLon = Math.max(maxLon - minLon, 1e-9);
  const scale = width / (spanLon * kx);
  return {
    width,
    height: (maxLat - minLat) * scale,
    toMap: ({ lon, lat }) => ({ x: (lon - minLon) * kx * scale, y: (maxLat - lat) * scale }),
    toLonLat: ({ x, y }) => ({ lon: minLon + x / (kx * scale), lat: maxLat - y / scale }),
  };
}

export function applyAffine(m: Affine, p: Point): Point {
  return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
}

export function invertAffine(m: Affine): Affine {
  const det = m.a * m.d - m.b * m.c;
  if (Math.abs(det) < 1e-12) throw new Error('matrix is not invertible');
  return {
    a: m.d / det,
    b: -m.b / det,
    c: -m.c / det,
    d: m.a / det,
    e: (m.c * m.f - m.d * m.e) / det,
    f: (m.b * m.e - m.a * m.f) / det,
  };
}

/** Screen pixel → lon/lat, given the map's screen CTM (map units → screen pixels). */
export function screenToLonLat(projection: Projection, ctm: Affine, screen: Point): LonLat {
  return projection.toLonLat(applyAffine(invertAffine(ctm), screen));
}

/** lon/lat → screen pixel, given the map's screen CTM. */
export function lonLatToScreen(projection: Projection, ctm: Affine, p: LonLat): Point {
  return applyAffine(ctm, projection.toMap(p));
}

/** One SVG path for all rings of a commune (draw with fill-rule="evenodd"); 0.1 unit precision. */
export function ringsToPath(
  projection: Projection,
  rings: readonly (readonly number[])[][],
): string {
  const parts: string[] = [];
  for (const ring of rings) {
    ring.forEach((position, i) => {
      const p = projection.toMap({ lon: position[0] ?? 0, lat: position[1] ?? 0 });
      parts.push(`${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`);
    });
    parts.push('Z');
  }
  return parts.join('');
}

/** Even-odd point-in-rings test (the same rule the map draws with). */
export function ringsContain(rings: readonly (readonly number[])[][], p: LonLat): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > p.lat !== yj > p.lat && p.lon < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
  }
  return inside;
}

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 40;

/** Keeps a view inside the map and between the zoom limits (zoom = map width / view width). */
export function clampView(view: View, projection: Projection): View {
  const { width, height } = projection;
  const w = Math.min(width / MIN_ZOOM, Math.max(width / MAX_ZOOM, view.w));
  const h = (w * height) / width;
  return {
    x: Math.min(width - w, Math.max(0, view.x)),
    y: Math.min(height - h, Math.max(0, view.y)),
    w,
    h,
  };
}

/** Zoom by `factor` (> 1 = closer) keeping the map point `anchor` where it is on screen. */
export function zoomView(view: View, projection: Projection, factor: number, anchor?: Point): View {
  const center = anchor ?? { x: view.x + view.w / 2, y: view.y + view.h / 2 };
  const w = view.w / factor;
  const h = view.h / factor;
  return clampView(
    {
      x: center.x - ((center.x - view.x) * w) / view.w,
      y: center.y - ((center.y - view.y) * h) / view.h,
      w,
      h,
    },
    projection,
  );
}

/** Move the view by dx, dy map units. */
export function panView(view: View, projection: Projection, dx: number, dy: number): View {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, projection);
}

export function fullView(projection: Projection): View {
  return { x: 0, y: 0, w: projection.width, h: projection.height };
}
