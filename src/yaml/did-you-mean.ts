// "Did you mean ...?" suggestions for misspelt keys and values in packs and config.

import { createRequire } from 'node:module';

type Distance = (source: string, target: string) => number;
let levenshtein: Distance | undefined;

// Deep import of the one module we need: natural's root entry prints to stdout and loads
// database clients. createRequire because that file ships no type declarations. Loaded on
// first use: suggestions are only made when something is wrong.
function LevenshteinDistance(source: string, target: string): number {
  if (!levenshtein) {
    const require = createRequire(import.meta.url);
    levenshtein = (require('natural/lib/natural/distance/levenshtein_distance.js') as { LevenshteinDistance: Distance })
      .LevenshteinDistance;
  }
  return levenshtein(source, target);
}

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo: an edit distance
 * of at most 2, or at most a third of the word's length (so longer words may differ more), and
 * less than the word's own length (so "x" does not suggest "id"). Case is ignored; ties go to the
 * earlier candidate.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = LevenshteinDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined || bestDistance >= word.length) return undefined;
  return bestDistance <= 2 || bestDistance <= word.length / 3 ? best : undefined;
}

/** " (did you mean 'x'?)" or "", ready to append to a message. */
export function didYouMeanSuffix(word: string, candidates: readonly string[]): string {
  const suggestion = didYouMean(word, candidates);
  return suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`;
}
