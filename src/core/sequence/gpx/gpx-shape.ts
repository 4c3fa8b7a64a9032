/** A point of the track drawing: [lat, lon]. */
export type ShapePoint = [number, number];

/**
 * Keeps an evenly spaced sample of a track whose length is not known in advance, in
 * memory bounded by the sample size: it keeps every `stride`-th point, and when twice
 * the wanted number is held it drops every other one and doubles the stride.
 */
export class ShapeSampler {
  private kept: ShapePoint[] = [];
  private stride = 1;
  private seen = 0;
  private last: ShapePoint | undefined;

  constructor(private readonly size: number) {}

  /** Offers the next point of the track. */
  add(lat: number, lon: number): void {
    if (this.size <= 0) return;
    const index = this.seen++;
    this.last = [lat, lon];
    if (index % this.stride !== 0) return;
    this.kept.push(this.last);
    if (this.kept.length >= 2 * this.size) {
      this.kept = this.kept.filter((_, i) => i % 2 === 0);
      this.stride *= 2;
    }
  }

  /** At most `size` points, evenly spread from the first point to the last. */
  sample(): ShapePoint[] {
    const points = [...this.kept];
    if (this.last !== undefined && points[points.length - 1] !== this.last) points.push(this.last);
    if (points.length <= this.size) return points;
    if (this.size === 1) return points.slice(0, 1);
    const out: ShapePoint[] = [];
    const step = (points.length - 1) / (this.size - 1);
    for (let i = 0; i < this.size; i++) out.push(points[Math.round(i * step)] as ShapePoint);
    return out;
  }
}
