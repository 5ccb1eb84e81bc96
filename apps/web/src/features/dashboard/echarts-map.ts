// Only what the commune choropleth needs from ECharts (tree-shaken): the map series, its tooltip,
// the visual map of colour classes and the canvas renderer. Its own chunk, fetched when a map is
// first shown — the table view never downloads it.
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { CommuneGeoJson } from './geo';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export const MAP_NAME = 'dak-lak-communes';

/** Registers the commune boundaries once per page load. */
export function ensureMap(geo: CommuneGeoJson): void {
  // ECharts' GeoJSON type is stricter than ours about tuple lengths; the shape is the same.
  if (!echarts.getMap(MAP_NAME)) echarts.registerMap(MAP_NAME, geo as never);
}

export { echarts };
