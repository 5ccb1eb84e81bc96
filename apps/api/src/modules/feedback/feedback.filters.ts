/** 'open' and 'closed' as Open311 and the public list mean them, or one state. */
export function statusFilter(status: string | undefined): string[] | undefined {
  if (!status) return undefined;
  if (status === 'open')
    return ['submitted', 'triage', 'assigned', 'in_progress', 'info_requested'];
  if (status === 'closed') return ['resolved', 'rejected', 'closed'];
  return [status];
}

/** Haversine distance in metres: exact enough at 100 m. */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const R = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
