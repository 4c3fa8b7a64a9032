/** How many items are done, failed and still on their way (the store keeps them as rows change). */
export interface QueueCounts {
  done: number;
  failed: number;
  active: number;
}
