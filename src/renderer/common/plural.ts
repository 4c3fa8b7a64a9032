/** "1 sequence", "3 sequences": a count with its noun in the right number. */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
