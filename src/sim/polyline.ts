/** One signed value in Google's encoded-polyline alphabet. */
function encodeValue(value: number): string {
  let v = value < 0 ? ~(value << 1) : value << 1;
  let out = '';
  while (v >= 0x20) {
    out += String.fromCharCode((0x20 | (v & 0x1f)) + 63);
    v >>= 5;
  }
  return out + String.fromCharCode(v + 63);
}

/**
 * Encodes [lat, lon] pairs as a Google encoded polyline, the format of Strava's
 * `map.polyline` and `map.summary_polyline`.
 */
export function encodePolyline(points: readonly (readonly [number, number])[]): string {
  let prevLat = 0;
  let prevLon = 0;
  let out = '';
  for (const [lat, lon] of points) {
    const la = Math.round(lat * 1e5);
    const lo = Math.round(lon * 1e5);
    out += encodeValue(la - prevLat) + encodeValue(lo - prevLon);
    prevLat = la;
    prevLon = lo;
  }
  return out;
}
