import { useEffect, useMemo, useRef, useState } from 'react';
import { useCommuneMap } from '../feedback-map';
import { mapToGeoJson } from './geo';
import { useDt } from './i18n';
import type { UnitValue } from './indicators';
import { type Bucket, noDataColor, toVisualPieces } from './scale';

type EchartsModule = typeof import('./echarts-map');

export interface ChoroplethProps {
  values: readonly UnitValue[];
  buckets: readonly Bucket[];
  /** The indicator's name, for the accessible name and the tooltip. */
  indicatorLabel: string;
  format: (value: number | null) => string;
  onSelect: (code: string) => void;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The 102 communes coloured by one indicator (ECharts, canvas). Pointer users hover for a tooltip
 * and click to drill down; keyboard and screen-reader users have the table of the same numbers
 * (the canvas itself is one image with a name that says so).
 */
export function Choropleth({ values, buckets, indicatorLabel, format, onSelect }: ChoroplethProps) {
  const { t } = useDt();
  const map = useCommuneMap();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<EchartsModule['echarts']['init']> | null>(null);
  const [lib, setLib] = useState<EchartsModule | null>(null);
  const [libFailed, setLibFailed] = useState(false);
  const [ready, setReady] = useState(false);
  const geo = useMemo(() => (map.data ? mapToGeoJson(map.data) : null), [map.data]);
  // Latest callbacks without re-creating the chart.
  const handlers = useRef({ onSelect, format });
  handlers.current = { onSelect, format };

  useEffect(() => {
    let live = true;
    import('./echarts-map')
      .then((m) => {
        if (live) setLib(m);
      })
      .catch(() => {
        if (live) setLibFailed(true);
      });
    return () => {
      live = false;
    };
  }, []);

  // One chart per mounted map; resized with its box.
  useEffect(() => {
    const el = box.current;
    if (!lib || !geo || !el) return;
    lib.ensureMap(geo);
    const instance = lib.echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.name === 'string' && params.name) handlers.current.onSelect(params.name);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      setReady(false);
    };
  }, [lib, geo]);

  const names = useMemo(() => new Map(map.data?.communes.map((c) => [c.code, c.name])), [map.data]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !lib || !map.data) return;
    const [, minLat = 0, , maxLat = 0] = map.data.bbox;
    const byCode = new Map(values.map((v) => [v.code, v]));
    instance.setOption(
      {
        tooltip: {
          trigger: 'item',
          formatter: (p: { name: string }) => {
            const name = names.get(p.name) ?? p.name;
            const value = byCode.get(p.name)?.value ?? null;
            return `<strong>${escapeHtml(name)}</strong><br/>${escapeHtml(indicatorLabel)}: ${escapeHtml(handlers.current.format(value))}`;
          },
        },
        visualMap: {
          type: 'piecewise',
          show: false,
          pieces: toVisualPieces(buckets),
          outOfRange: { color: noDataColor },
        },
        series: [
          {
            type: 'map',
            map: lib.MAP_NAME,
            // Degrees of longitude are shorter than degrees of latitude at ~13° N.
            aspectScale: Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180),
            layoutCenter: ['50%', '50%'],
            layoutSize: '98%',
            selectedMode: false,
            itemStyle: { areaColor: noDataColor, borderColor: '#5f6977', borderWidth: 0.5 },
            emphasis: {
              label: { show: false },
              itemStyle: { areaColor: 'inherit', borderColor: '#0b0c0c', borderWidth: 2 },
            },
            label: { show: false },
            data: values
              .filter((v) => names.has(v.code))
              .map((v) => ({ name: v.code, value: v.value ?? Number.NaN })),
          },
        ],
      },
      { notMerge: true },
    );
    setReady(true);
  }, [lib, map.data, names, values, buckets, indicatorLabel]);

  if (map.isError || libFailed) {
    return (
      <p className="notice notice--warning" data-testid="db-map-failed">
        {t('map.mapFailed')}
      </p>
    );
  }
  return (
    <div className="db-map" data-testid="db-map" data-ready={ready ? 'true' : 'false'}>
      {!lib || !map.data ? <p className="db-map__loading">{t('map.loadingMap')}</p> : null}
      <div
        ref={box}
        className="db-map__canvas"
        role="img"
        aria-label={t('map.label', { indicator: indicatorLabel })}
      />
      <p className="caption db-map__hint">{t('map.clickHint')}</p>
    </div>
  );
}
