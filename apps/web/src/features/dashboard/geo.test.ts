import { describe, expect, it } from 'vitest';
import { mapToGeoJson, ringContains, ringsToPolygons, signedArea } from './geo';

/** An axis-aligned square ring, closed, wound as asked. */
function square(x0: number, y0: number, size: number, clockwise = false): number[][] {
  const ring = [
    [x0, y0],
    [x0 + size, y0],
    [x0 + size, y0 + size],
    [x0, y0 + size],
    [x0, y0],
  ];
  return clockwise ? ring.reverse() : ring;
}

/** Even-odd over all rings: how the API's rings are meant to be filled. */
function evenOdd(rings: number[][][], x: number, y: number): boolean {
  return rings.filter((r) => ringContains(r, x, y)).length % 2 === 1;
}

/** Non-zero fill of the GeoJSON polygons: how ECharts' canvas fills them. */
function nonZero(polygons: number[][][][], x: number, y: number): boolean {
  let winding = 0;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      if (ringContains(ring, x, y)) winding += signedArea(ring) > 0 ? 1 : -1;
    }
  }
  return winding !== 0;
}

describe('commune rings → GeoJSON', () => {
  it('keeps a single ring as one counter-clockwise exterior', () => {
    const polygons = ringsToPolygons([square(0, 0, 10, true)]);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(1);
    expect(signedArea(polygons[0]?.[0] ?? [])).toBeGreaterThan(0);
  });

  it('makes a ring inside another a clockwise hole of it, whatever order the API lists them in', () => {
    for (const rings of [
      [square(0, 0, 10), square(3, 3, 4)],
      [square(3, 3, 4, true), square(0, 0, 10, true)],
    ]) {
      const polygons = ringsToPolygons(rings);
      expect(polygons).toHaveLength(1);
      const [exterior, hole] = polygons[0] ?? [];
      expect(signedArea(exterior ?? [])).toBe(100);
      expect(signedArea(hole ?? [])).toBe(-16);
    }
  });

  it('separates parts, and an island inside a hole is a part of its own', () => {
    const rings = [
      square(0, 0, 10), // part 1
      square(2, 2, 6), // its hole (an enclave of another commune)
      square(4, 4, 2), // an island inside the hole
      square(20, 0, 3), // part 2, apart
    ];
    const polygons = ringsToPolygons(rings);
    expect(polygons.map((p) => p.length).sort()).toEqual([1, 1, 2]);
    // Filled the same way as the API's even-odd rings, on a grid across every ring.
    for (let x = -0.5; x <= 24; x += 0.5) {
      for (let y = -0.5; y <= 11; y += 0.5) {
        expect(nonZero(polygons, x + 0.01, y + 0.01), `${x},${y}`).toBe(
          evenOdd(rings, x + 0.01, y + 0.01),
        );
      }
    }
  });

  it('keys each feature by commune code, with its full name as the label', () => {
    const geo = mapToGeoJson({
      communes: [
        { code: '24133', name: 'Phường Buôn Ma Thuột', rings: [square(108, 12.6, 0.1)] },
        { code: '24373', name: 'Xã Ea Kar', rings: [square(108.4, 12.8, 0.1)] },
      ],
    });
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.map((f) => f.properties)).toEqual([
      { name: '24133', label: 'Phường Buôn Ma Thuột' },
      { name: '24373', label: 'Xã Ea Kar' },
    ]);
    expect(geo.features[0]?.geometry.type).toBe('MultiPolygon');
    expect(geo.features[0]?.geometry.coordinates[0]?.[0]?.[0]).toEqual([108, 12.6]);
  });
});
