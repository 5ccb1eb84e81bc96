import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildCommuneLocator,
  type GeoJSONGeometry,
  type GeoJSONPolygon,
  type Position,
} from './units.geo';
import { loadCommuneBoundaries, loadNationalCommunes, loadProvinceUnits } from './units.seed-data';

// ---------------------------------------------------------------------------------------------
// Independent reference check: winding number per ring (inside = inside the exterior ring and
// inside none of the holes). Deliberately a different algorithm from the locator's even-odd
// ray casting, so the two can catch each other's mistakes.

function windingNumber(ring: readonly Position[], x: number, y: number): number {
  let wn = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    const side = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1);
    if (y1 <= y) {
      if (y2 > y && side > 0) wn++;
    } else if (y2 <= y && side < 0) wn--;
  }
  return wn;
}

function polygonContains(polygon: readonly (readonly Position[])[], x: number, y: number): boolean {
  const [exterior, ...holes] = polygon;
  if (!exterior || windingNumber(exterior, x, y) === 0) return false;
  return holes.every((hole) => windingNumber(hole, x, y) === 0);
}

function geometryContains(geometry: GeoJSONGeometry, x: number, y: number): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((polygon) => polygonContains(polygon, x, y));
}

/** Brute force over every commune (bbox-filtered only to keep the test quick). */
function owners(x: number, y: number): string[] {
  return ownerIndex
    .filter((o) => x >= o.minX && x <= o.maxX && y >= o.minY && y <= o.maxY)
    .filter((o) => geometryContains(o.geometry, x, y))
    .map((o) => o.code);
}

/** Deterministic PRNG (mulberry32) so the random cross-check is reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------

const boundaries = loadCommuneBoundaries();
const locator = buildCommuneLocator(boundaries);
const communes = loadProvinceUnits().filter((u) => u.kind === 'commune');

const provinceOutline = (
  JSON.parse(
    gunzipSync(
      readFileSync(
        new URL('../../../seed-data/admin-units/dak_lak_province.geojson.gz', import.meta.url),
      ),
    ).toString('utf8'),
  ) as { features: { geometry: GeoJSONGeometry }[] }
).features[0]!.geometry;

const allBounds = (() => {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const geometry of boundaries.values()) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const [x, y] of polygons.flat(2)) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  return { minX, minY, maxX, maxY };
})();
const ownerIndex = [...boundaries].map(([code, geometry]) => {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const positions = polygons.flat(2);
  return {
    code,
    geometry,
    minX: Math.min(...positions.map((p) => p[0])),
    maxX: Math.max(...positions.map((p) => p[0])),
    minY: Math.min(...positions.map((p) => p[1])),
    maxY: Math.max(...positions.map((p) => p[1])),
  };
});
const inAllBounds = (x: number, y: number) =>
  x >= allBounds.minX && x <= allBounds.maxX && y >= allBounds.minY && y <= allBounds.maxY;

describe('buildCommuneLocator on the Đắk Lắk boundaries', () => {
  it('resolves the label point of each of the 102 communes to that commune', () => {
    expect(communes).toHaveLength(102);
    const wrong = communes
      .map((c) => ({ code: c.code, got: locator.locate(c.labelLon!, c.labelLat!) }))
      .filter(({ code, got }) => code !== got);
    expect(wrong).toEqual([]);
  });

  it('returns null in the sea east of the coast', () => {
    // (109.6, 13.0) is east of the whole province's bounding box; (109.40, 13.30) is inside the
    // bounding box (so the polygons are actually tested) but offshore of Sông Cầu.
    for (const [lon, lat] of [
      [109.6, 13.0],
      [109.4, 13.3],
    ] as const) {
      expect(geometryContains(provinceOutline, lon, lat), `${lon},${lat} in outline`).toBe(false);
      expect(locator.locate(lon, lat), `${lon},${lat}`).toBeNull();
    }
    expect(inAllBounds(109.4, 13.3)).toBe(true);
  });

  it('returns null in Hà Nội', () => {
    expect(locator.locate(105.85, 21.03)).toBeNull();
  });

  it('returns null at label points of neighbouring communes in Gia Lai, Khánh Hòa and Lâm Đồng', () => {
    const national = new Map(loadNationalCommunes().map((c) => [c.code, c]));
    const neighbours = [
      { code: '24112', fullName: 'Xã Ia Rsai', province: '52' }, // Gia Lai, west of Phú Yên
      { code: '22489', fullName: 'Xã Vạn Ninh', province: '56' }, // Khánh Hòa, south of Đông Hòa
      { code: '22504', fullName: 'Xã Đại Lãnh', province: '56' }, // Khánh Hòa, on the coast
      { code: '24640', fullName: 'Xã Cư Jút', province: '68' }, // Lâm Đồng, west of Buôn Ma Thuột
    ];
    for (const n of neighbours) {
      const c = national.get(n.code);
      expect(c, n.code).toMatchObject({ fullName: n.fullName, provinceCode: n.province });
      // Inside the bounding box of Đắk Lắk, so this is a real polygon test, not a bbox reject.
      expect(inAllBounds(c!.labelLon, c!.labelLat), n.fullName).toBe(true);
      expect(geometryContains(provinceOutline, c!.labelLon, c!.labelLat), n.fullName).toBe(false);
      expect(locator.locate(c!.labelLon, c!.labelLat), n.fullName).toBeNull();
    }
  });

  it('resolves a point in a smaller part of a MultiPolygon commune', () => {
    const multi = [...boundaries].filter(([, g]) => g.type === 'MultiPolygon');
    expect(multi.length).toBeGreaterThan(0);
    let checked = 0;
    for (const [code, geometry] of multi) {
      if (geometry.type !== 'MultiPolygon') continue;
      const parts = [...geometry.coordinates].sort((a, b) => b[0]!.length - a[0]!.length);
      const [main, ...smaller] = parts;
      for (const part of smaller) {
        const ring = part[0]!;
        // Centroids of fan triangles (v0, vi, vi+1); keep the first one that the independent
        // winding check puts inside this part, outside the main part and outside every other
        // commune.
        let point: [number, number] | null = null;
        for (let i = 1; i + 1 < ring.length && !point; i++) {
          const x = (ring[0]![0] + ring[i]![0] + ring[i + 1]![0]) / 3;
          const y = (ring[0]![1] + ring[i]![1] + ring[i + 1]![1]) / 3;
          if (!polygonContains(part, x, y) || polygonContains(main!, x, y)) continue;
          const found = owners(x, y);
          if (found.length === 1 && found[0] === code) point = [x, y];
        }
        if (!point) continue;
        expect(locator.locate(point[0], point[1]), `${code} part at ${point}`).toBe(code);
        checked++;
      }
    }
    // Five communes (22045, 22051, 22076, 22147, 22291) are MultiPolygons with 16 smaller
    // parts between them (coastal islets and lagoon shores); each got a test point.
    expect(checked).toBe(16);
  });

  it('agrees with an independent winding-number check on 10,000 pseudo-random points', () => {
    const random = mulberry32(66);
    let inside = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = allBounds.minX + random() * (allBounds.maxX - allBounds.minX);
      const y = allBounds.minY + random() * (allBounds.maxY - allBounds.minY);
      const found = owners(x, y);
      const got = locator.locate(x, y);
      if (found.length === 0) expect(got, `${x},${y}`).toBeNull();
      else {
        expect(found, `${x},${y}`).toContain(got);
        inside++;
      }
    }
    // Both outcomes must actually be exercised.
    expect(inside).toBeGreaterThan(2_000);
    expect(inside).toBeLessThan(9_000);
  });

  it('handles thousands of lookups per second', () => {
    const random = mulberry32(1);
    const n = 20_000;
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      locator.locate(107.4 + random() * 2.1, 12.1 + random() * 1.7);
    }
    const perSecond = n / ((performance.now() - start) / 1000);
    expect(perSecond).toBeGreaterThan(5_000);
  });
});

describe('buildCommuneLocator on synthetic shapes', () => {
  const square = (x0: number, y0: number, x1: number, y1: number): Position[] => [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];

  it('treats inner rings as holes whatever their orientation', () => {
    const withHole: GeoJSONPolygon = {
      type: 'Polygon',
      coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)],
    };
    const reversedHole: GeoJSONPolygon = {
      type: 'Polygon',
      coordinates: [square(20, 0, 30, 10), square(24, 4, 26, 6).reverse()],
    };
    const loc = buildCommuneLocator(
      new Map<string, GeoJSONGeometry>([
        ['A', withHole],
        ['B', reversedHole],
      ]),
    );
    expect(loc.locate(1, 1)).toBe('A');
    expect(loc.locate(5, 5)).toBeNull();
    expect(loc.locate(21, 9)).toBe('B');
    expect(loc.locate(25, 5)).toBeNull();
    expect(loc.locate(15, 5)).toBeNull();
  });

  it('matches any part of a MultiPolygon and works with unclosed rings', () => {
    const loc = buildCommuneLocator(
      new Map<string, GeoJSONGeometry>([
        [
          'M',
          {
            type: 'MultiPolygon',
            coordinates: [
              [square(0, 0, 1, 1)],
              [
                [
                  [5, 5],
                  [6, 5],
                  [6, 6],
                ],
              ],
            ],
          },
        ],
      ]),
    );
    expect(loc.locate(0.5, 0.5)).toBe('M');
    expect(loc.locate(5.9, 5.1)).toBe('M');
    expect(loc.locate(5.1, 5.9)).toBeNull();
    expect(loc.locate(3, 3)).toBeNull();
  });

  it('returns the first feature in input order where features overlap', () => {
    const a: GeoJSONPolygon = { type: 'Polygon', coordinates: [square(0, 0, 2, 2)] };
    const b: GeoJSONPolygon = { type: 'Polygon', coordinates: [square(1, 1, 3, 3)] };
    const ab = buildCommuneLocator(
      new Map<string, GeoJSONGeometry>([
        ['A', a],
        ['B', b],
      ]),
    );
    const ba = buildCommuneLocator(
      new Map<string, GeoJSONGeometry>([
        ['B', b],
        ['A', a],
      ]),
    );
    expect(ab.locate(1.5, 1.5)).toBe('A');
    expect(ba.locate(1.5, 1.5)).toBe('B');
    expect(ab.locate(2.5, 2.5)).toBe('B');
  });

  it('returns null for non-finite input and for an empty boundary set', () => {
    expect(locator.locate(Number.NaN, 13)).toBeNull();
    expect(locator.locate(108.5, Number.POSITIVE_INFINITY)).toBeNull();
    expect(buildCommuneLocator(new Map()).locate(108.5, 12.7)).toBeNull();
  });

  it('rejects geometry that is not a Polygon or MultiPolygon', () => {
    const point = { type: 'Point', coordinates: [0, 0] } as unknown as GeoJSONGeometry;
    expect(() => buildCommuneLocator(new Map([['P', point]]))).toThrow(/Polygon or MultiPolygon/);
  });
});
