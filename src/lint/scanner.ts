// One pass over a document's text finds every place any rule's term matches.
//
// All term patterns are joined into one alternation per case mode, which V8 runs at close to the
// speed of a single regex. An alternation reports only the first alternative that matches at a
// position, so at each hit position we confirm every pattern that could start with that character
// (a small bucket) with its own sticky regex: overlapping matches of different rules all survive.

import { isLetterOrNumber, isWordPart } from '../document/chars.js';
import { classEnd, groupEnd } from '../packs/regex-source.js';
import { WORD_START, type TermPattern } from './terms.js';

export interface Hit {
  /** The registration this hit belongs to (see Scanner.register). */
  readonly owner: number;
  readonly pattern: TermPattern;
  readonly start: number;
  readonly end: number;
}

/**
 * The inflection suffix of a phrase hit ("s", "ies"), if any: its sticky regex run again at the
 * hit. Only a hit that becomes a finding with a suggestion needs it, so the scan does not keep it.
 */
export function suffixOf(text: string, hit: Hit): string | undefined {
  const sticky = hit.pattern.sticky;
  sticky.lastIndex = hit.start;
  return sticky.exec(text)?.[1];
}

interface Entry {
  pattern: TermPattern;
  owners: number[];
  /** Its place in registration order: how a hit found on another thread names it. */
  index: number;
}

/**
 * A scanner as plain data that can cross to a worker thread (TermPattern's RegExps survive the
 * structured clone): Scanner.fromSpec on the other side finds the same hits, in the same order.
 */
export interface ScannerSpec {
  ownerCount: number;
  entries: Array<{ pattern: TermPattern; owners: number[] }>;
}

/** Each hit as three numbers — entry index, start, end — in the order scan() reports them. */
export type FlatHits = Int32Array;

interface Lane {
  regex: RegExp | undefined;
  /** Entries by the UTF-16 code of their first character (an array: faster than a Map). */
  buckets: Array<Entry[] | undefined>;
  wildcard: Entry[];
}

// Two line ends with only spaces between them, whichever the file uses (\n, \r\n or a lone \r).
// ("\r\n" must not count as "\r" and then "\n": the first line end is a whole one.)
const PARAGRAPH_BREAK = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r|\n)/;

/** One entry per pattern and case mode: rules that share a term share its confirmation. */
function entryKey(pattern: TermPattern): string {
  return `${pattern.caseSensitive ? 's' : 'i'}:${pattern.sticky.source}`;
}

export class Scanner {
  private readonly entries = new Map<string, Entry>();
  private ownerCount = 0;
  private lanes: Lane[] | undefined;
  /** Entries in registration order, for hitsFrom. */
  private byIndex: Entry[] | undefined;

  /** Register patterns under a new owner id; hits are reported per owner. */
  register(patterns: readonly TermPattern[]): number {
    const owner = this.ownerCount++;
    for (const pattern of patterns) {
      const key = entryKey(pattern);
      const entry = this.entries.get(key);
      if (entry) entry.owners.push(owner);
      else this.entries.set(key, { pattern, owners: [owner], index: this.entries.size });
    }
    this.lanes = undefined;
    this.byIndex = undefined;
    return owner;
  }

  /**
   * A scanner that finds everything this one finds, under the same owner ids, and takes further
   * registrations after them: a caller with patterns of its own (compare's term and theme counts)
   * gets them from the same pass over the text as the rules' hits.
   */
  extended(): Scanner {
    const copy = new Scanner();
    for (const [key, entry] of this.entries) copy.entries.set(key, { ...entry, owners: [...entry.owners] });
    copy.ownerCount = this.ownerCount;
    return copy;
  }

  get owners(): number {
    return this.ownerCount;
  }

  /** The combined regex sources, for the benchmark's bare-regex baseline. */
  combinedSources(): Array<{ source: string; flags: string }> {
    return this.build()
      .filter((l) => l.regex)
      .map((l) => ({ source: l.regex!.source, flags: l.regex!.flags }));
  }

  /** Each registered pattern's own source, for the benchmark's per-pattern regex scan. */
  patternSources(): Array<{ source: string; flags: string }> {
    return [...this.entries.values()].map((e) => ({ source: e.pattern.source, flags: e.pattern.caseSensitive ? 'g' : 'gi' }));
  }

  /** What another thread needs to build this scanner again (see ScannerSpec). */
  spec(): ScannerSpec {
    return { ownerCount: this.ownerCount, entries: [...this.entries.values()].map((e) => ({ pattern: e.pattern, owners: e.owners })) };
  }

  static fromSpec(spec: ScannerSpec): Scanner {
    const scanner = new Scanner();
    for (const { pattern, owners } of spec.entries) {
      scanner.entries.set(entryKey(pattern), { pattern, owners: [...owners], index: scanner.entries.size });
    }
    scanner.ownerCount = spec.ownerCount;
    return scanner;
  }

  /** All hits in `text`, grouped by owner, each group sorted by start. */
  scan(text: string): Hit[][] {
    const byOwner: Hit[][] = Array.from({ length: this.ownerCount }, () => []);
    this.find(text, (entry, start, end) => {
      for (const owner of entry.owners) byOwner[owner]!.push({ owner, pattern: entry.pattern, start, end });
    });
    return byOwner;
  }

  /** The hits of scan(text) as numbers, to send to another thread: hitsFrom() turns them back. */
  scanFlat(text: string): FlatHits {
    const flat: number[] = [];
    this.find(text, (entry, start, end) => flat.push(entry.index, start, end));
    return Int32Array.from(flat);
  }

  /** scan()'s result from scanFlat()'s, made by a scanner built from this one's spec. */
  hitsFrom(flat: FlatHits): Hit[][] {
    const entries = (this.byIndex ??= [...this.entries.values()]);
    const byOwner: Hit[][] = Array.from({ length: this.ownerCount }, () => []);
    for (let i = 0; i < flat.length; i += 3) {
      const entry = entries[flat[i]!]!;
      const start = flat[i + 1]!;
      const end = flat[i + 2]!;
      for (const owner of entry.owners) byOwner[owner]!.push({ owner, pattern: entry.pattern, start, end });
    }
    return byOwner;
  }

  private find(text: string, emit: (entry: Entry, start: number, end: number) => void): void {
    const afterUnderscores = wordsAfterUnderscores(text);
    for (const lane of this.build()) {
      const regex = lane.regex;
      if (!regex) continue;
      // The words after underscores are merged in, in order, and each position confirmed once.
      let u = 0;
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        const at = m.index;
        if (u < afterUnderscores.length) {
          while (u < afterUnderscores.length && afterUnderscores[u]! < at) confirmAt(text, afterUnderscores[u++]!, lane, emit);
          if (afterUnderscores[u] === at) u++;
        }
        const bucket = lane.buckets[text.charCodeAt(at)];
        if (bucket) confirm(text, at, bucket, emit);
        if (lane.wildcard.length) confirm(text, at, lane.wildcard, emit);
        regex.lastIndex = at + 1;
      }
      while (u < afterUnderscores.length) confirmAt(text, afterUnderscores[u++]!, lane, emit);
    }
  }

  private build(): Lane[] {
    if (this.lanes) return this.lanes;
    const lanes: Lane[] = [];
    for (const caseSensitive of [false, true]) {
      const entries = [...this.entries.values()].filter((e) => e.pattern.caseSensitive === caseSensitive);
      const lane: Lane = { regex: undefined, buckets: [], wildcard: [] };
      for (const entry of entries) {
        const chars = entry.pattern.firstChars;
        if (!chars) {
          lane.wildcard.push(entry);
          continue;
        }
        for (const c of chars) (lane.buckets[c.charCodeAt(0)] ??= []).push(entry);
      }
      if (entries.length) {
        lane.regex = new RegExp(
          alternation(
            entries.map((e) => e.pattern),
            caseSensitive,
          ),
          caseSensitive ? 'g' : 'gi',
        );
      }
      lanes.push(lane);
    }
    this.lanes = lanes;
    return lanes;
  }
}

/**
 * A phrase's source: a word boundary (WORD_START, or \b in a pack's own regex), a letter or
 * digit, then the rest of the phrase. Group 1 is the boundary. The alternation groups both under
 * \b; the words after underscores, where only WORD_START holds, find() confirms itself.
 */
const PHRASE_START = new RegExp(`^(\\\\b|${WORD_START.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})[A-Za-z0-9]`);

/**
 * The patterns as one alternation that matches at the same positions as `a|b|c…`, laid out so
 * V8 can run it quickly: every pattern that starts with a word boundary and a literal letter or
 * digit shares one word boundary, grouped by that character, "\b(?:c(?:ommissioning…|ontract…|
 * o[a-z]{8,12}[es]\b)|p(?:rocurement…))". Written flat, every alternative is tried in turn at
 * every position; grouped, V8 tests the boundary once and picks a branch by one character (a
 * coding frame's fifty terms: 0.5-0.6 s -> 0.1 s over 50 MB; the near-miss prefilters joining
 * the groups: a further fifth off the pack's case-insensitive scan). Only the position of a match
 * is used (the patterns are confirmed one by one there), so the order of the alternatives does
 * not matter. Other patterns stay as written.
 */
export function alternation(patterns: readonly TermPattern[], caseSensitive: boolean): string {
  const byFirst = new Map<string, string[]>();
  const others: string[] = [];
  for (const p of patterns) {
    const split = groupable(p);
    if (!split) {
      others.push(p.source);
      continue;
    }
    const first = caseSensitive ? split.first : split.first.toLowerCase();
    const rests = byFirst.get(first);
    if (rests) rests.push(split.rest);
    else byFirst.set(first, [split.rest]);
  }
  const phrases = [...byFirst].map(([first, rests]) => `${first}(?:${rests.join('|')})`);
  return [...(phrases.length ? [`\\b(?:${phrases.join('|')})`] : []), ...others].join('|');
}

/**
 * A pattern's source split after its word boundary (WORD_START or `\b`) and its first character,
 * when that character is a literal letter or digit standing alone (no quantifier after it) and the rest is one sequence (no `|`
 * outside brackets): "\bco-?operatives\b" -> c + "o-?operatives\b". Undefined otherwise.
 */
function groupable(p: TermPattern): { first: string; rest: string } | undefined {
  // A phrase's first character is a literal (escapeWord escapes every special character after
  // it, so no quantifier can follow it and the rest is a sequence to append).
  if (!p.isRegex) {
    const n = PHRASE_START.exec(p.source)?.[1]!.length;
    return n === undefined ? undefined : { first: p.source[n]!, rest: p.source.slice(n + 1) };
  }
  const body = unwrapped(p.source);
  const n = PHRASE_START.exec(body)?.[1]!.length;
  if (n === undefined || '*+?{'.includes(body[n + 1] ?? '|') || body.length === n + 1) return undefined;
  const rest = body.slice(n + 1);
  return hasTopLevelBar(rest) ? undefined : { first: body[n]!, rest };
}

/** `source` without a non-capturing group around all of it: "(?:\bfoo)" -> "\bfoo". */
function unwrapped(source: string): string {
  if (!source.startsWith('(?:') || !source.endsWith(')')) return source;
  return groupEnd(source, 0) === source.length - 1 ? source.slice(3, -1) : source;
}

/** Is there a "|" outside every group and character class? */
function hasTopLevelBar(source: string): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * Where a word starts right after underscores that are not inside a word: Markdown's underscore
 * emphasis, "__voluntary sector__", "_NCVO_". The phrases' own boundary (WORD_START) holds there,
 * but not the \b the alternation starts with ("_" is a word character to \b), so find() confirms
 * these positions itself. The alternation keeps \b: starting it with a lookbehind, or with "_*",
 * made the scan a quarter slower. A text with no "_" costs one search.
 */
function wordsAfterUnderscores(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('_'); i !== -1; i = text.indexOf('_', i)) {
    const opensWord = i === 0 || !isLetterOrNumber(text.charCodeAt(i - 1));
    while (text.charCodeAt(i) === 95) i++; // _
    if (opensWord && i < text.length && isLetterOrNumber(text.charCodeAt(i))) out.push(i);
  }
  return out;
}

function confirmAt(text: string, at: number, lane: Lane, emit: (entry: Entry, start: number, end: number) => void): void {
  const bucket = lane.buckets[text.charCodeAt(at)];
  if (bucket) confirm(text, at, bucket, emit);
  if (lane.wildcard.length) confirm(text, at, lane.wildcard, emit);
}

function confirm(text: string, at: number, entries: readonly Entry[], emit: (entry: Entry, start: number, end: number) => void): void {
  for (const entry of entries) {
    const prefix = entry.pattern.prefix;
    if (prefix !== undefined && !startsWithLetters(text, at, prefix, !entry.pattern.caseSensitive)) continue;
    const sticky = entry.pattern.sticky;
    sticky.lastIndex = at;
    // test, not exec: the end is where the regex stopped, and no match array is made per candidate.
    if (!sticky.test(text)) continue;
    const end = sticky.lastIndex;
    if (end === at) continue;
    if (entry.pattern.checkBoundaries) {
      if (at > 0 && isWordPart(text.charCodeAt(at - 1))) continue;
      if (end < text.length && isWordPart(text.charCodeAt(end))) continue;
      if (hasNewline(text, at, end) && PARAGRAPH_BREAK.test(text.slice(at, end))) continue;
    }
    emit(entry, at, end);
  }
}

/**
 * Is there a line end ("\n" or "\r") in text[start, end)? Only the match is looked at: indexOf from `start` would
 * read on to the next line break, which in a long line without one is the rest of the text, for
 * every hit (a 4.6 MB one-line text with 280,000 hits took seconds).
 */
function hasNewline(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** Does `text` have the ASCII letters `prefix` at `at` (either case when `fold`; prefix is lower then)? */
function startsWithLetters(text: string, at: number, prefix: string, fold: boolean): boolean {
  for (let i = 0; i < prefix.length; i++) {
    const c = text.charCodeAt(at + i);
    // | 0x20 lower-cases A-Z and maps no other character onto a-z.
    if ((fold ? c | 0x20 : c) !== prefix.charCodeAt(i)) return false;
  }
  return true;
}
