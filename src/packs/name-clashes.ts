// Packs are told apart by name: rule ids ("x/council"), `rules` settings and inline directives
// all say "x". Two different packs with one name cannot both be used.

import type { Pack } from './types.js';

export interface NamedPack {
  /** The pack as the user wrote it (a bundled name or a path). */
  ref: string;
  pack: Pack;
}

export interface NameClash {
  /** The pack left out. */
  later: NamedPack;
  /** The pack kept, named earlier in the list. */
  first: NamedPack;
}

/**
 * The packs with distinct names, in order, and the later packs whose name an earlier pack has.
 * The same file named twice ("a.yaml", "./a.yaml") is one pack, used once, and no clash.
 */
export function distinctPacks(packs: readonly NamedPack[]): { kept: Pack[]; clashes: NameClash[] } {
  const byName = new Map<string, NamedPack>();
  const kept: Pack[] = [];
  const clashes: NameClash[] = [];
  for (const entry of packs) {
    const first = byName.get(entry.pack.name);
    if (!first) {
      byName.set(entry.pack.name, entry);
      kept.push(entry.pack);
    } else if (first.pack.origin !== entry.pack.origin) clashes.push({ later: entry, first });
  }
  return { kept, clashes };
}
