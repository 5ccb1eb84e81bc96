import { describe, expect, it } from 'vitest';
import {
  type Affine,
  clampView,
  fullView,
  lonLatToScreen,
  makeProjection,
  ringsContain,
  ringsToPath,
  screenToLonLat,
  zoomView,
} from './projection';

// Roughly the province after the 2025 merger (Đắk Lắk + Phú Yên).
const BBOX = [107.5, 12.15, 109.47, 13.74] as const;
const projection = makeProjection(BBOX, 1000);

describe('commune map projection', () => {
  it('puts the bounding box corners on the map corners, north up, longitudes scaled by cos(lat)', () => {
    expect(projection.toMap({ lon: 107.5, lat: 13.74 })).toEqual({ x: 0, y: 0 });
    const se = projection.toMap({ lon: 109.47, lat: 12.15 });
    expect(se.x).toBeCloseTo(1000, 6);
    expect(se.y).toBeCloseTo(projection.height, 6);
    // 1.97° of longitude at ~12.9°N is narrower on the ground than 1.59° of latitude × 1.27.
    const kx = Math.cos((12.945 * Math.PI) / 180);
    expect(projection.height).toBeCloseTo((1000 * 1.59) / (1.97 * kx), 6);
  });

  it('round-trips screen pixels ↔ lon/lat through a zoomed and panned screen CTM', () => {
    // What getScreenCTM() returns for a viewBox zoomed 4× and scrolled, in a page offset by 20 px.
    const ctms: Affine[] = [
      { a: 0.39, b: 0, c: 0, d: 0.39, e: 0, f: 120 },
      { a: 1.56, b: 0, c: 0, d: 1.56, e: -512.3, f: -88.7 },
      { a: 12.8, b: 0, c: 0, d: 12.8, e: -6400, f: -3100.25 },
    ];
    const points = [
      { lon: 108.05, lat: 12.68 }, // Buôn Ma Thuột
      { lon: 109.3, lat: 13.09 }, // Tuy Hòa
      { lon: 107.5, lat: 12.15 },
    ];
    for (const ctm of ctms) {
      for (const p of points) {
        const screen = lonLatToScreen(projection, ctm, p);
        const back = screenToLonLat(projection, ctm, screen);
        expect(back.lon).toBeCloseTo(p.lon, 9);
        expect(back.lat).toBeCloseTo(p.lat, 9);
      }
    }
    // A pixel to the right is east, a pixel down is south.
    const ctm = ctms[1]!;
    const a = screenToLonLat(projection, ctm, { x: 200, y: 300 });
    const b = screenToLonLat(projection, ctm, { x: 201, y: 301 });
    expect(b.lon).toBeGreaterThan(a.lon);
    expect(b.lat).toBeLessThan(a.lat);
  });

  it('zooms around an anchor that stays put, and keeps the view inside the map', () => {
    const full = fullView(projection);
    const anchor = { x: 250, y: 300 };
    const zoomed = zoomView(full, projection, 2, anchor);
    expect(zoomed.w).toBeCloseTo(500, 9);
    // The anchor's relative position in the view is unchanged.
    expect((anchor.x - zoomed.x) / zoomed.w).toBeCloseTo((anchor.x - full.x) / full.w, 9);
    expect((anchor.y - zoomed.y) / zoomed.h).toBeCloseTo((anchor.y - full.y) / full.h, 9);
    // Zooming out past the whole map stops at the whole map; panning stops at the edges.
    expect(zoomView(zoomed, projection, 0.01)).toEqual(full);
    expect(clampView({ ...zoomed, x: -900, y: 99999 }, projection)).toMatchObject({
      x: 0,
      y: projection.height - zoomed.h,
    });
  });

  it('draws rings as one even-odd path and finds points inside, not in holes', () => {
    const outer = [
      [108, 12.5],
      [108.2, 12.5],
      [108.2, 12.7],
      [108, 12.7],
      [108, 12.5],
    ];
    const hole = [
      [108.05, 12.55],
      [108.15, 12.55],
      [108.15, 12.65],
      [108.05, 12.65],
      [108.05, 12.55],
    ];
    const path = ringsToPath(projection, [outer, hole]);
    expect(path.match(/M/g)).toHaveLength(2);
    expect(path.match(/Z/g)).toHaveLength(2);
    expect(ringsContain([outer, hole], { lon: 108.02, lat: 12.6 })).toBe(true);
    expect(ringsContain([outer, hole], { lon: 108.1, lat: 12.6 })).toBe(false);
    expect(ringsContain([outer, hole], { lon: 108.3, lat: 12.6 })).toBe(false);
  });
});
