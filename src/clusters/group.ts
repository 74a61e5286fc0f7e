/** Connected components of `compatible` over a list of event mentions: the clusters, whatever the input order. */
import { compatible, type ClusterFacts } from './key.js';

/** Each item's cluster id: the smallest id among the members of its component. */
export function groupEvents<T extends ClusterFacts & { id: string }>(items: T[]): Map<string, string> {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let i = 0; i < items.length; i++)
    for (let j = 0; j < i; j++) if (compatible(items[i], items[j])) parent[find(i)] = find(j);
  const smallest = new Map<number, string>();
  items.forEach((it, i) => {
    const r = find(i);
    const s = smallest.get(r);
    if (s === undefined || it.id < s) smallest.set(r, it.id);
  });
  return new Map(items.map((it, i) => [it.id, smallest.get(find(i))!]));
}
