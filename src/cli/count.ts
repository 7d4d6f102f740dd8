/** A count with its noun, in the plural unless it is 1: `1 replication`, `3 replications`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
