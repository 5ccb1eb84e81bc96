import {
  type KeyboardEvent,
  type PointerEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Link } from 'react-router';
import type { CommuneMapData } from './map-api';
import { useMapT } from './map-strings';
import {
  fullView,
  type LonLat,
  makeProjection,
  type Point,
  panView,
  ringsContain,
  ringsToPath,
  screenToLonLat,
  type View,
  zoomView,
} from './projection';
import './commune-map.css';

export interface CommuneMapMarker {
  id: string;
  lon: number;
  lat: number;
  label: string;
  href?: string;
}

export interface CommuneMapProps {
  data: CommuneMapData;
  /** The chosen place, drawn as a pin. */
  pin?: LonLat | null;
  /** Given: a tap, click or arrow key places the pin. Not given: the map only shows. */
  onPick?: (p: LonLat) => void;
  markers?: CommuneMapMarker[];
  /** A commune drawn darker (e.g. the one containing the pin). */
  highlightCode?: string;
  /** The accessible name of the map. */
  label: string;
}

/** Movement (px) under which a press counts as a tap, not a drag. */
const TAP_SLOP = 6;
const ZOOM_STEP = 1.6;

/**
 * An SVG map of the communes drawn from `/api/units/map`, with tap-to-pin, zoom buttons,
 * drag-to-pan (one finger or mouse), pinch zoom and keyboard control. Dependency-free.
 */
export function CommuneMap({
  data,
  pin = null,
  onPick,
  markers = [],
  highlightCode,
  label,
}: CommuneMapProps) {
  const { t } = useMapT();
  const helpId = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const projection = useMemo(() => makeProjection(data.bbox, 1000), [data.bbox]);
  const shapes = useMemo(
    () =>
      data.communes.map((c) => ({
        code: c.code,
        name: c.name,
        rings: c.rings,
        d: ringsToPath(projection, c.rings),
      })),
    [data.communes, projection],
  );
  const [view, setView] = useState<View>(() => fullView(projection));
  const [hovered, setHovered] = useState<string | null>(null);
  const pixelWidth = useElementWidth(svgRef);
  // Map units per screen pixel: pins and markers keep their size on screen at every zoom.
  const unitsPerPx = pixelWidth > 0 ? view.w / pixelWidth : view.w / 360;

  useEffect(() => setView(fullView(projection)), [projection]);

  const pinCommune = useMemo(() => {
    if (!pin) return null;
    return shapes.find((s) => ringsContain(s.rings, pin))?.name ?? t('outside');
  }, [pin, shapes, t]);

  const toLonLat = (clientX: number, clientY: number): LonLat | null => {
    const ctm = svgRef.current?.getScreenCTM();
    return ctm ? screenToLonLat(projection, ctm, { x: clientX, y: clientY }) : null;
  };
  const toMapPoint = (clientX: number, clientY: number): Point | null => {
    const p = toLonLat(clientX, clientY);
    return p ? projection.toMap(p) : null;
  };

  const gesture = usePointerGestures({
    onTap: (x, y, target) => {
      if (!onPick || (target as Element).closest('a')) return;
      const p = toLonLat(x, y);
      if (p) onPick(p);
    },
    onPan: (dxPx, dyPx) =>
      setView((v) => panView(v, projection, -dxPx * unitsPerPx, -dyPx * unitsPerPx)),
    onPinch: (factor, x, y) =>
      setView((v) => zoomView(v, projection, factor, toMapPoint(x, y) ?? undefined)),
  });

  // Ctrl/⌘ + wheel (and a trackpad pinch) zooms; a plain wheel keeps scrolling the page.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const ctm = svg.getScreenCTM();
      const anchor = ctm
        ? projection.toMap(screenToLonLat(projection, ctm, { x: e.clientX, y: e.clientY }))
        : undefined;
      setView((v) => zoomView(v, projection, e.deltaY < 0 ? 1.25 : 0.8, anchor));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [projection]);

  const zoom = (factor: number) => {
    const anchor = pin ? projection.toMap(pin) : undefined;
    setView((v) => zoomView(v, projection, factor, anchor));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // keys on the zoom buttons or a marker link
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const arrow = arrows[e.key];
    if (arrow) {
      e.preventDefault();
      const step = (view.w / 40) * (e.shiftKey ? 5 : 1);
      if (!onPick) {
        setView((v) => panView(v, projection, arrow[0] * step, arrow[1] * step));
        return;
      }
      const from = pin ? projection.toMap(pin) : { x: view.x + view.w / 2, y: view.y + view.h / 2 };
      const to = pin ? { x: from.x + arrow[0] * step, y: from.y + arrow[1] * step } : from;
      onPick(projection.toLonLat(to));
      // Keep the pin in sight: scroll the view when it reaches the edge.
      setView((v) => {
        const margin = v.w / 20;
        const dx = Math.min(0, to.x - v.x - margin) + Math.max(0, to.x - (v.x + v.w - margin));
        const dy = Math.min(0, to.y - v.y - margin) + Math.max(0, to.y - (v.y + v.h - margin));
        return dx || dy ? panView(v, projection, dx, dy) : v;
      });
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      zoom(ZOOM_STEP);
    } else if (e.key === '-' || e.key === '_') {
      e.preventDefault();
      zoom(1 / ZOOM_STEP);
    } else if (e.key === '0') {
      e.preventDefault();
      setView(fullView(projection));
    }
  };

  const pinPoint = pin ? projection.toMap(pin) : null;
  const caption = hovered ?? (pinCommune ? t('here', { name: pinCommune }) : null);

  return (
    <div className="commune-map" data-testid="commune-map">
      {/* role=application: arrow keys belong to the map while it has focus. */}
      <div
        className="commune-map__frame"
        role="application"
        aria-roledescription={t('roleDescription')}
        aria-label={label}
        aria-describedby={helpId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a keyboard widget (arrows move the pin)
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="commune-map-frame"
      >
        <svg
          ref={svgRef}
          className={`commune-map__svg${onPick ? ' commune-map__svg--pick' : ''}`}
          viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
          aria-hidden={markers.length === 0 ? true : undefined}
          data-testid="commune-map-svg"
          {...gesture}
          onPointerLeave={() => setHovered(null)}
        >
          <title>{label}</title>
          <rect
            x={0}
            y={0}
            width={projection.width}
            height={projection.height}
            className="commune-map__sea"
          />
          {/* The highlighted commune last, so its outline is not covered by its neighbours. */}
          {[...shapes]
            .sort((a, b) => Number(a.code === highlightCode) - Number(b.code === highlightCode))
            .map((s) => (
              <path
                key={s.code}
                d={s.d}
                fillRule="evenodd"
                className={`commune-map__commune${s.code === highlightCode ? ' is-highlighted' : ''}`}
                data-code={s.code}
                onPointerEnter={(e) => e.pointerType === 'mouse' && setHovered(s.name)}
              >
                <title>{s.name}</title>
              </path>
            ))}
          {markers.map((m) => (
            <MapMarker key={m.id} marker={m} at={projection.toMap(m)} scale={unitsPerPx} />
          ))}
          {pinPoint ? (
            <g
              className="commune-map__pin"
              transform={`translate(${pinPoint.x} ${pinPoint.y}) scale(${unitsPerPx})`}
              data-testid="commune-map-pin"
            >
              {/* A drop shape with its tip on the point: readable without colour. */}
              <path d="M0 0 C-4 -10 -12 -14 -12 -24 A12 12 0 1 1 12 -24 C12 -14 4 -10 0 0 Z" />
              <circle cx={0} cy={-24} r={4.5} className="commune-map__pin-dot" />
            </g>
          ) : null}
        </svg>
        <div className="commune-map__zoom">
          <button
            type="button"
            className="commune-map__button"
            onClick={() => zoom(ZOOM_STEP)}
            aria-label={t('zoomIn')}
            title={t('zoomIn')}
            data-testid="map-zoom-in"
          >
            +
          </button>
          <button
            type="button"
            className="commune-map__button"
            onClick={() => zoom(1 / ZOOM_STEP)}
            aria-label={t('zoomOut')}
            title={t('zoomOut')}
            data-testid="map-zoom-out"
          >
            −
          </button>
          <button
            type="button"
            className="commune-map__button commune-map__button--text"
            onClick={() => setView(fullView(projection))}
            data-testid="map-reset"
          >
            {t('reset')}
          </button>
        </div>
      </div>
      <p className="commune-map__caption" aria-hidden="true">
        {caption ?? '\u00a0'}
      </p>
      <p id={helpId} className="hint commune-map__help">
        {onPick ? t('helpPick') : t('helpView')}
      </p>
    </div>
  );
}

function MapMarker({ marker, at, scale }: { marker: CommuneMapMarker; at: Point; scale: number }) {
  const dot = (
    <g transform={`translate(${at.x} ${at.y}) scale(${scale})`}>
      <circle r={9} className="commune-map__marker" />
      <title>{marker.label}</title>
    </g>
  );
  return marker.href ? (
    <Link
      to={marker.href}
      aria-label={marker.label}
      className="commune-map__marker-link"
      data-testid={`map-marker-${marker.id}`}
    >
      {dot}
    </Link>
  ) : (
    <g aria-label={marker.label} data-testid={`map-marker-${marker.id}`}>
      {dot}
    </g>
  );
}

/** Width in CSS pixels of an element, kept up to date as the layout changes. */
function useElementWidth(ref: { current: Element | null }): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(el.getBoundingClientRect().width));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * Tap vs drag vs pinch from pointer events. The pointer is captured only once a drag starts, so a
 * tap on a marker link still reaches the link.
 */
function usePointerGestures(handlers: {
  onTap: (clientX: number, clientY: number, target: EventTarget) => void;
  onPan: (dxPx: number, dyPx: number) => void;
  onPinch: (factor: number, clientX: number, clientY: number) => void;
}) {
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const start = useRef<{ x: number; y: number; moved: boolean; multi: boolean } | null>(null);
  const latest = useRef(handlers);
  latest.current = handlers;

  const distance = () => {
    const [a, b] = [...pointers.current.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };

  return {
    onPointerDown: (e: PointerEvent<SVGSVGElement>) => {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (pointers.current.size === 1) {
        start.current = { x: e.clientX, y: e.clientY, moved: false, multi: false };
      } else if (start.current) {
        start.current.multi = true;
      }
    },
    onPointerMove: (e: PointerEvent<SVGSVGElement>) => {
      const previous = pointers.current.get(e.pointerId);
      const s = start.current;
      if (!previous || !s) return;
      if (pointers.current.size >= 2) {
        const before = distance();
        pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
        const after = distance();
        s.moved = true;
        if (before > 0 && after > 0) {
          const [a, b] = [...pointers.current.values()];
          latest.current.onPinch(
            after / before,
            ((a?.x ?? 0) + (b?.x ?? 0)) / 2,
            ((a?.y ?? 0) + (b?.y ?? 0)) / 2,
          );
        }
        return;
      }
      if (!s.moved && Math.hypot(e.clientX - s.x, e.clientY - s.y) < TAP_SLOP) return;
      if (!s.moved) {
        s.moved = true;
        e.currentTarget.setPointerCapture?.(e.pointerId);
      }
      pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      latest.current.onPan(e.clientX - previous.x, e.clientY - previous.y);
    },
    onPointerUp: (e: PointerEvent<SVGSVGElement>) => {
      const s = start.current;
      const known = pointers.current.delete(e.pointerId);
      if (pointers.current.size === 0) start.current = null;
      if (known && s && !s.moved && !s.multi) latest.current.onTap(e.clientX, e.clientY, e.target);
    },
    onPointerCancel: (e: PointerEvent<SVGSVGElement>) => {
      pointers.current.delete(e.pointerId);
      if (pointers.current.size === 0) start.current = null;
    },
  };
}
