/** The mean Earth radius (IUGG), in metres: what most GPS tools use for haversine. */
const earthRadiusM = 6_371_008.8;
const toRadians = Math.PI / 180;

/** Great-circle distance in metres between two points given in degrees (haversine). */
export function haversineMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * toRadians;
  const dLon = (lon2 - lon1) * toRadians;
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * toRadians) * Math.cos(lat2 * toRadians) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusM * Math.asin(Math.min(1, Math.sqrt(a)));
}
