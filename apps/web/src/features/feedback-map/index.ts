// The commune map: used by the report intake (pin placement) and the public reports map.
export { CommuneMap, type CommuneMapMarker, type CommuneMapProps } from './commune-map';
export { type CommuneMapData, useCommuneMap } from './map-api';
export type { LonLat } from './projection';
