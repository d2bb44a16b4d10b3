// near-miss: a word sequence a small edit away from a key term ("social enteprises") is flagged.
//
// A cheap prefilter registered with the scanner finds word sequences with the term's word count,
// the first two and the last letter of each word, and about its word lengths; length and
// letter-count checks drop most of those; natural's Damerau-Levenshtein distance decides the
// rest. A typo in the first two or the last letter of a word ("htird sector", "third secto") is
// not caught: the price of scanning at regex speed.

import { createRequire } from 'node:module';
import type { NearMissRule } from '../../packs/types.js';
import { displayText, type CompileEnv, type RawFinding, type RunRule } from '../compiled-rule.js';
import { passesGate } from '../context.js';
import { renderMessage } from '../message.js';
import { asciiPrefix, POSSESSIVE, WORD_END, WORD_START, type TermPattern } from '../terms.js';

type Distance = (a: string, b: string, options?: { restricted?: boolean }) => number;
let damerauLevenshtein: Distance | undefined;

// natural's implementation allocates a matrix of objects (~0.1 ms a call); a rule keeps its
// verdicts by the text as written (Target.verdicts), as the same words recur across a corpus.
const VERDICT_LIMIT = 10000;

function distance(a: string, b: string): number {
  if (!damerauLevenshtein) {
    // Deep import: natural's root entry prints to stdout and loads database clients.
    const require = createRequire(import.meta.url);
    const mod = require('natural/lib/natural/distance/levenshtein_distance.js') as {
      DamerauLevenshteinDistance: Distance;
    };
    damerauLevenshtein = mod.DamerauLevenshteinDistance;
  }
  // restricted: the optimal-string-alignment distance. natural's unrestricted variant gives wrong
  // answers (0 for "comissioning" vs "commissioning", and depends on argument order).
  return damerauLevenshtein(a, b, { restricted: true });
}

interface Form {
  /** Letters only, lower case: what distances are measured on. */
  key: string;
  /** How to write it in a suggestion. */
  display: string;
  /** Letter counts of `key`, for the cheap lower bound. */
  counts: Int16Array;
}

interface Target {
  owner: number;
  forms: Form[];
  maxDistance: number;
  /** Verdicts by text as written: the prefilter's catches ("communities") recur in every document. */
  verdicts: Map<string, Verdict | null>;
}

interface Verdict {
  form: Form;
  distance: number;
}

// Letters and digits only, lower case: hyphens, spaces, line breaks and apostrophes do not count.
const normalise = (s: string) => s.toLowerCase().replace(/[\s'’\-\u2010\u2011.]+/g, '');

export function compileNearMiss(rule: NearMissRule, env: CompileEnv): RunRule {
  const ignore = new Set((rule.ignore ?? []).map(normalise));
  const targets: Target[] = rule.terms.map((term) => {
    const forms = formsOf(term);
    const key = forms[0]!.key;
    const maxDistance = rule.maxDistance ?? (key.length < 14 ? 1 : 2);
    return { owner: env.scanner.register([prefilter(term, maxDistance, forms)]), forms, maxDistance, verdicts: new Map() };
  });
  /** The closest form of the target within reach, or null (the term itself, ignored, or too far). */
  const verdict = (target: Target, written: string): Verdict | null => {
    let v = target.verdicts.get(written);
    if (v === undefined) {
      const key = normalise(written);
      v = ignore.has(key) || target.forms.some((f) => f.key === key) ? null : (closest(key, target) ?? null);
      if (target.verdicts.size >= VERDICT_LIMIT) target.verdicts.clear();
      target.verdicts.set(written, v);
    }
    return v;
  };
  return (ctx) => {
    const out: RawFinding[] = [];
    for (const target of targets) {
      for (const hit of ctx.hits[target.owner] ?? []) {
        let written = ctx.doc.text.slice(hit.start, hit.end);
        let best = verdict(target, written);
        if (!best) continue;
        // A possessive "’s" is not a plural: "thrid sector’s" is a misspelling of "third sector",
        // not of "third sectors" (apostrophes do not count, so its letters spell the plural).
        let end = hit.end;
        if (POSSESSIVE.test(written)) {
          const singular = verdict(target, written.slice(0, -2));
          if (singular) {
            best = singular;
            written = written.slice(0, -2);
            end -= 2;
          }
        }
        if (!passesGate(ctx, env.gate, hit.start, end)) continue;
        const actual = displayText(written);
        out.push({
          start: hit.start,
          end,
          message: renderMessage(rule.message, { actual, expected: best.form.display, distance: best.distance }),
          expected: best.form.display,
        });
      }
    }
    return out;
  };
}

function closest(key: string, target: Target): Verdict | undefined {
  let best: Verdict | undefined;
  for (const form of target.forms) {
    if (Math.abs(key.length - form.key.length) > target.maxDistance) continue;
    if (letterDifference(key, form.counts) > 2 * target.maxDistance) continue;
    const d = distance(key, form.key);
    if (d <= target.maxDistance && (!best || d < best.distance)) best = { form, distance: d };
  }
  return best;
}

/** Half the letter-count difference is a lower bound on the edit distance. */
function letterDifference(key: string, counts: Int16Array): number {
  const diff = counts.slice();
  let extra = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) diff[c]!--;
    else extra++;
  }
  let total = extra;
  for (let i = 0; i < 26; i++) total += Math.abs(diff[i]!);
  return total;
}

function letterCounts(key: string): Int16Array {
  const counts = new Int16Array(26);
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) counts[c]!++;
  }
  return counts;
}

/** The term and its plural, as keys and as written. */
function formsOf(term: string): Form[] {
  const display = term.trim().replace(/\s+/g, ' ');
  const plurals = /[^aeiou]y$/i.test(display)
    ? [display.slice(0, -1) + 'ies']
    : /(?:s|x|z|ch|sh)$/i.test(display)
      ? [display + 'es']
      : [display + 's'];
  return [display, ...plurals].map((d) => {
    const key = normalise(d);
    return { key, display: d, counts: letterCounts(key) };
  });
}

/** Between the words of a prefilter match: spaces, and at most one line break. */
const GAP = '[ \\t\\u00a0]+(?:\\r?\\n[ \\t]*)?';

/**
 * Word sequences shaped like the term: same word count, first letters, lengths within reach.
 * The term as written (and its plural) is left out by a lookahead: it is most of what the
 * prefilter finds in a corpus that uses the term, and its verdict is always "no finding".
 */
function prefilter(term: string, maxDistance: number, forms: readonly Form[]): TermPattern {
  const words = term.trim().split(/\s+/);
  const parts = words.map((word, i) => {
    const last = i === words.length - 1;
    // Short words: the first letter only. Longer ones: the first two letters and the last (or a
    // plural "s" on the term's last word) are fixed, leaving the middle for the typo.
    if (word.length < 4) {
      const min = Math.max(0, word.length - 1 - maxDistance);
      return `${escape(word[0]!.toLowerCase())}[a-z'’\\-]{${min},${word.length - 1 + maxDistance}}`;
    }
    const middle = word.length - 3;
    // Hyphens and apostrophes may be left out ("cooprative" for "co-operative"): the fewest
    // characters the middle can hold counts letters only.
    const min = Math.max(0, word.replace(/['’\-]/g, '').length - 3 - maxDistance);
    const max = middle + maxDistance + (last ? 2 : 0);
    const end = word[word.length - 1]!.toLowerCase();
    const ending = last && end !== 's' ? `[${escape(end)}s]` : escape(end);
    return `${escape(word.slice(0, 2).toLowerCase())}[a-z'’\\-]{${min},${max}}${ending}`;
  });
  const body = parts.join(GAP);
  // After the first letter (so the scanner can still group the pattern under it).
  const source = `${WORD_START}${body.slice(0, 1)}${exactFormsExcluded(forms)}${body.slice(1)}${WORD_END}`;
  const first = words[0]![0]!;
  return {
    term,
    isRegex: true,
    caseSensitive: false,
    source: `(?:${source})`,
    sticky: new RegExp(source, 'iy'),
    firstChars: [first.toLowerCase(), first.toUpperCase()],
    ...asciiPrefix(words[0]!.slice(0, words[0]!.length < 4 ? 1 : 2), false),
    checkBoundaries: false,
  };
}

/**
 * A lookahead, placed after the first letter, that fails where a form of the term stands whole:
 * its letters, the prefilter's gaps between words, and then no character the prefilter's words
 * may hold. Only forms of letters and spaces: such a form has no word boundary inside its last
 * word, so there the prefilter could match nothing but the form itself.
 */
function exactFormsExcluded(forms: readonly Form[]): string {
  const plain = forms.map((f) => f.display).filter((d) => /^[a-z]+(?: [a-z]+)*$/i.test(d) && d.length > 1);
  if (plain.length === 0) return '';
  const rests = plain.map((d) => d.slice(1).toLowerCase().split(' ').join(GAP));
  return `(?!(?:${rests.join('|')})(?![a-z'’\\-]))`;
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
