import type { CommuneMap } from '@cqs/shared';
import type { Page } from 'playwright-core';

/**
 * Where a commune is drawn on the dashboard's ECharts choropleth (a canvas: no element per
 * commune to click). The chart is laid out the way apps/web/src/features/dashboard/choropleth.tsx
 * asks ECharts to: the communes' bounding box, its width scaled by `aspectScale`, fitted into a
 * square of 98 % of the box's shorter side centred in the box, latitude growing upwards. The
 * caller hovers the point and checks the chart's tooltip names the commune before clicking, so a
 * wrong layout fails loudly instead of clicking a neighbour.
 */

type Ring = readonly (readonly number[])[];

/** Even-odd point-in-rings test (the API's rings mix exteriors and holes). */
function inside(rings: readonly Ring[], x: number, y: number): boolean {
  let hit = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
    }
  }
  return hit;
}

function bounds(rings: readonly Ring[]) {
  const xs = rings.flatMap((r) => r.map((p) => p[0] ?? 0));
  const ys = rings.flatMap((r) => r.map((p) => p[1] ?? 0));
  return {
    minX: Math.min(...xs),
    maxX: Math.max(...xs),
    minY: Math.min(...ys),
    maxY: Math.max(...ys),
  };
}

export interface ScreenPoint {
  x: number;
  y: number;
}

/**
 * A viewport point well inside `code`'s shape on the chart in `chartBox` (the element ECharts was
 * initialised on): the grid point nearest the middle of the commune's box whose neighbours
 * `marginPx` screen pixels away are inside too, so the pointer cannot land on a border.
 */
export function communePoint(
  map: CommuneMap,
  code: string,
  chartBox: { x: number; y: number; width: number; height: number },
  marginPx = 5,
): ScreenPoint {
  const commune = map.communes.find((c) => c.code === code);
  if (!commune) throw new Error(`commune ${code} is not on the map`);
  const all = bounds(map.communes.flatMap((c) => c.rings));
  const [, minLat = 0, , maxLat = 0] = map.bbox;
  const aspectScale = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const aspect = ((all.maxX - all.minX) / (all.maxY - all.minY)) * aspectScale;
  const size = 0.98 * Math.min(chartBox.width, chartBox.height);
  const width = aspect > 1 ? size : size * aspect;
  const height = aspect > 1 ? size / aspect : size;
  const left = chartBox.x + chartBox.width / 2 - width / 2;
  const top = chartBox.y + chartBox.height / 2 - height / 2;
  const perPxX = (all.maxX - all.minX) / width;
  const perPxY = (all.maxY - all.minY) / height;
  const toScreen = (lon: number, lat: number): ScreenPoint => ({
    x: left + (lon - all.minX) / perPxX,
    y: top + (all.maxY - lat) / perPxY,
  });

  const own = bounds(commune.rings);
  const cx = (own.minX + own.maxX) / 2;
  const cy = (own.minY + own.maxY) / 2;
  const mx = marginPx * perPxX;
  const my = marginPx * perPxY;
  let best: { lon: number; lat: number; d: number } | null = null;
  const steps = 40;
  for (let i = 0; i <= steps; i += 1) {
    for (let j = 0; j <= steps; j += 1) {
      const lon = own.minX + ((own.maxX - own.minX) * i) / steps;
      const lat = own.minY + ((own.maxY - own.minY) * j) / steps;
      const ok = [
        [0, 0],
        [mx, 0],
        [-mx, 0],
        [0, my],
        [0, -my],
      ].every(([dx = 0, dy = 0]) => inside(commune.rings, lon + dx, lat + dy));
      const d = (lon - cx) ** 2 + (lat - cy) ** 2;
      if (ok && (!best || d < best.d)) best = { lon, lat, d };
    }
  }
  if (!best) throw new Error(`commune ${code} is too small on screen to point at`);
  return toScreen(best.lon, best.lat);
}

/** The colour the canvas shows at a viewport point, as "rgb(r, g, b)". */
export function canvasColourAt(page: Page, canvasSelector: string, point: ScreenPoint) {
  return page.evaluate(
    ({ selector, x, y }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(selector);
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return null;
      const rect = canvas.getBoundingClientRect();
      const scale = canvas.width / rect.width;
      const [r, g, b] = ctx.getImageData(
        Math.round((x - rect.left) * scale),
        Math.round((y - rect.top) * scale),
        1,
        1,
      ).data;
      return `rgb(${r}, ${g}, ${b})`;
    },
    { selector: canvasSelector, ...point },
  );
}
