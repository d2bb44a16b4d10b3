// acronym: an acronym used before it is defined is flagged at its first use.
//
// A definition is the long form followed by the acronym in brackets, "Children and Young People's
// Plan (CYPP)", or the reverse, "CYPP (Children and Young People's Plan)". GOV.UK: "The first time
// you use an abbreviation on a page, explain it in full."

import type { AcronymRule } from '../../packs/types.js';
import { type CompileEnv, type RawFinding, type RunRule } from '../compiled-rule.js';
import { passesGate } from '../context.js';
import { renderMessage } from '../message.js';
import { isAsciiWordChar, isLetter, isWhiteSpace } from '../../document/chars.js';
import type { Hit } from '../scanner.js';
import { WORD_END, WORD_START, type TermPattern } from '../terms.js';

// Two or more capitals (digits and & allowed inside), optionally a plural "s": NHS, Q&A, DPULOs.
// Bounded like the phrases (WORD_START, WORD_END), so "_NCVO_" in Markdown emphasis is one.
const TOKEN_SOURCE = `${WORD_START}[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*s?${WORD_END}`;
const UPPERCASE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** All-capital words written for emphasis, not acronyms. */
const SHOUTED_WORDS = new Set(
  ('AND ALL ALSO ALWAYS ANY ARE BE BUT CAN DO FOR IF IMPORTANT IN IS IT MUST MAY NB NEVER NO NOT NOTE NOW OF ON ONLY OR ' +
    'PLEASE SHOULD THE THIS TO URGENT VERY WARNING WE WILL YES YOU').split(' '),
);

export function compileAcronym(rule: AcronymRule, env: CompileEnv): RunRule {
  const pattern: TermPattern = {
    term: TOKEN_SOURCE,
    isRegex: true,
    caseSensitive: true,
    source: `(?:${TOKEN_SOURCE})`,
    sticky: new RegExp(TOKEN_SOURCE, 'y'),
    firstChars: UPPERCASE,
    // WORD_START/WORD_END know only ASCII: without the scanner's Unicode check, "CAFÉ" gave the
    // acronym "CAF" and "ÉCOLE" gave "COLE".
    checkBoundaries: true,
  };
  const owner = env.scanner.register([pattern]);
  const known = new Set([...rule.known, ...env.knownAcronyms].map((a) => baseOf(a.trim())));

  return (ctx) => {
    const text = ctx.doc.text;
    const wordsInDocument = new Map<string, boolean>();
    const writtenAsWord = (base: string) => {
      let v = wordsInDocument.get(base);
      if (v === undefined) wordsInDocument.set(base, (v = isWordInText(text, base)));
      return v;
    };
    const shoutedBlocks = new Map<object, boolean>();
    const shouted = (block: { start: number; end: number } | undefined) => {
      if (!block) return false;
      let v = shoutedBlocks.get(block);
      if (v === undefined) shoutedBlocks.set(block, (v = inShoutedBlock(text, block)));
      return v;
    };
    // First pass, cheap: where each acronym is used and first defined.
    const uses = new Map<string, Hit[]>();
    const firstDefinition = new Map<string, number>();
    for (const hit of ctx.hits[owner] ?? []) {
      const base = baseOf(text.slice(hit.start, hit.end));
      if (known.has(base) || SHOUTED_WORDS.has(base) || isRomanNumeral(base)) continue;
      if (isDefinition(text, hit.start, hit.end)) {
        if (!firstDefinition.has(base)) firstDefinition.set(base, hit.start);
        continue;
      }
      const list = uses.get(base);
      if (list) list.push(hit);
      else uses.set(base, [hit]);
    }
    // Then the scope checks, only for uses that come before any definition: the first of them
    // in scope (not quoted, not shouted) is the finding.
    const out: RawFinding[] = [];
    for (const [base, list] of uses) {
      const definedAt = firstDefinition.get(base);
      const use = list.find(
        (u) =>
          (definedAt === undefined || u.start < definedAt) &&
          !shouted(ctx.doc.blockAt(u.start)) &&
          !inCapitalsRun(text, u.start, u.end) &&
          passesGate(ctx, env.gate, u.start, u.end),
      );
      // Asked last, once per acronym, of the one about to be reported.
      if (use && writtenAsWord(base)) continue;
      if (!use) continue;
      const actual = text.slice(use.start, use.end);
      if (definedAt !== undefined) {
        const line = ctx.doc.lines.position(definedAt).line;
        const message = renderMessage(rule.lateMessage ?? rule.message, { actual, line, hint: '' });
        out.push({ start: use.start, end: use.end, message });
      } else {
        const message = renderMessage(rule.message, { actual, line: '', hint: longFormHint(ctx, base, use.start) });
        out.push({ start: use.start, end: use.end, message });
      }
    }
    return out;
  };
}

/** "DPULOs" -> "DPULO", "LSCB's" is already cut at the apostrophe by the token pattern. */
function baseOf(token: string): string {
  const n = token.length;
  if (n < 2 || token.charCodeAt(n - 1) !== 115) return token; // s
  const c = token.charCodeAt(n - 2);
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? token.slice(0, -1) : token; // A-Z 0-9
}

/**
 * Is a token of five letters or more a word the document also writes in lower case ("VOLUNTARY
 * SECTORS" where the text says "voluntary sector")? Then it is that word set in capitals, not an
 * acronym. Shorter tokens are left out: HE (higher education) beside "he", IT, SEND.
 */
function isWordInText(text: string, base: string): boolean {
  if (base.length < 5 || !/^[A-Z]+$/.test(base)) return false;
  // Singular or plural: SECTORS is a word where the text says "sector", SECTOR where it says "sectors".
  const stem = base.toLowerCase().replace(/s$/, '');
  return new RegExp(`(?<![A-Za-z])${stem}s?(?![A-Za-z])`).test(text);
}

/** Roman numerals in capitals (II, IV, XII): numbering, not acronyms. */
function isRomanNumeral(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 73 && c !== 86 && c !== 88) return false; // I V X
  }
  return s.length > 0;
}

/** Mostly capitals (a heading or warning set in caps): its capitalised words are not acronyms. */
function inShoutedBlock(text: string, block: { start: number; end: number }): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = block.start; i < block.end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) {
      lower++;
      // Even if all the rest were capitals they could no longer make 60 %: stop counting.
      if (upper + (block.end - i - 1) <= 1.5 * lower) return false;
    }
  }
  // A short block all in capitals ("SUMMARY", "KEY POINTS") is a heading set in caps too; one of
  // six letters or fewer may be an acronym on a line of its own.
  if (lower === 0 && upper >= 7) return true;
  return upper + lower >= 12 && upper / (upper + lower) > 0.6;
}

// A word in capitals: two capitals or more, with digits, &, apostrophes and hyphens (5PM, Q&A,
// CHILDREN’S, CO-OP). Three or more side by side, a number between them neither breaking the run
// nor counting in it ("THE CLOSING DATE, 31 MARCH"). One space between words: the split is unique.
const CAPITALS_WORD = "[0-9&'’-]*[A-Z][0-9&'’-]*[A-Z][A-Z0-9&'’-]*";
const NOT_IN_WORD = "[A-Za-z0-9\u00C0-\u024F&'’-]";
const CAPITALS_RUN = new RegExp(
  `(?<!${NOT_IN_WORD})${CAPITALS_WORD}(?:,? (?:[0-9]+,? )*${CAPITALS_WORD}){2,}(?!${NOT_IN_WORD})`,
  'g',
);
/** Far enough to see two words in capitals on either side of an acronym. */
const RUN_WINDOW = 80;

/**
 * Is the acronym one of three or more words in capitals side by side ("RESPONSES MUST BE
 * RECEIVED")? That is shouting inside an ordinary sentence; two (CYPF VCS) may well be acronyms.
 * Asked only of an acronym's first uses, so a regex over a small window is cheap enough.
 */
function inCapitalsRun(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - RUN_WINDOW);
  for (const m of text.slice(from, end + RUN_WINDOW).matchAll(CAPITALS_RUN)) {
    if (from + m.index <= start && end <= from + m.index + m[0].length) return true;
  }
  return false;
}

// "(CYPP)", "(CYPF VCS)", "(the ‘Coalition’ or SEC)": a bracket holding only acronyms (two or more
// capitals) or quoted names. A name that is neither ("(Barnardos, NSPCC)") makes it something else.
const BRACKET_ITEM = `(?:[“"‘'][A-Z][\\p{L}0-9&’' -]*[”"’']|[A-Z][A-Za-z0-9&]*[A-Z0-9][A-Za-z0-9&]*)`;
// Items need a separator between them — a mark or a space — so a run of capitals can be split
// into items one way only: "(PLEASE RETURN THIS FORM BY 5PM)" must fail at once, not after
// trying every split of its letters (with an optional separator that took minutes).
const BRACKET_SEPARATOR = '(?:\\s*[,/;]\\s*|\\s+)(?:(?:or|and)\\s+)?';
const BRACKETED_ONLY = new RegExp(
  `^\\(\\s*(?:(?:the|hereafter|or|and|known as)\\s+)*${BRACKET_ITEM}(?:${BRACKET_SEPARATOR}${BRACKET_ITEM})*\\s*\\)$`,
  'u',
);
/** "(NCVO, NAVCA and ACEVO)": acronyms listed, none of them defined by the words before. */
const LISTED = /[,;]|\sand\s/;

function isDefinition(text: string, start: number, end: number): boolean {
  // Long form first: the token sits in a bracket of acronyms right after some words. Look for
  // the brackets only nearby (lastIndexOf alone could scan back through the whole document).
  const open = lastIndexWithin(text, 40, start - 24, start); // "("
  // The bracket must still be open at the token: "(UK) and CYPP (see below)" defines nothing.
  if (open !== -1 && indexWithin(text, 41, open, start) === -1) {
    const close = indexWithin(text, 41, end, end + 41); // ")"
    const bracket = close === -1 ? '' : text.slice(open, close + 1);
    if (bracket && BRACKETED_ONLY.test(bracket) && !(LISTED.test(bracket) && !/[“"‘']/.test(bracket))) {
      return wordBefore(text, Math.max(0, open - 40), open);
    }
  }
  // Acronym first: "CYPP (Children and Young People's Plan)".
  if (indexWithin(text, 40, end, end + 3) === -1) return false; // "(" right after
  const after = /^\s*\(([^()]{3,160})\)/.exec(text.slice(end, end + 170));
  if (after) {
    const words = after[1]!.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
    const first = text[start]!.toLowerCase();
    if (words.length >= 2 && words[0]![0]!.toLowerCase() === first) return true;
  }
  return false;
}

/**
 * Does [from, to) end with a word (a letter, then letters, apostrophes, full stops or commas),
 * perhaps followed by white space? The long form before "(CYPP)". A loop from the end: an
 * end-anchored regex would be tried from every position.
 */
function wordBefore(text: string, from: number, to: number): boolean {
  let i = to;
  while (i > from && isWhiteSpace(text.charCodeAt(i - 1))) i--;
  for (; i > from; i--) {
    const c = text.charCodeAt(i - 1);
    if (isLetter(c)) return true;
    if (c !== 0x2019 && c !== 39 && c !== 46 && c !== 44) return false; // ’ ' . ,
  }
  return false;
}

// Bounded searches: indexOf and lastIndexOf could run through the rest of the document for
// every acronym in it.

/** The first offset in [from, to) holding the character `code`, or -1. */
function indexWithin(text: string, code: number, from: number, to: number): number {
  for (let i = from, end = Math.min(to, text.length); i < end; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** The last offset in [from, to) holding the character `code`, or -1. */
function lastIndexWithin(text: string, code: number, from: number, to: number): number {
  for (let i = to - 1; i >= Math.max(0, from); i--) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/**
 * How far before and after the first use to look for an unbracketed long form: it is normally
 * introduced shortly before (a regex over the whole document for each acronym would cost more
 * than the rest of the rule).
 */
const HINT_BEFORE = 8000;
const HINT_AFTER = 300;
const MINOR = "(?:of|and|for|the|in|on|to|&|’s|'s)";

/**
 * If the long form appears near the first use without brackets ("Department for Children,
 * Schools and Families" … DCSF), say where: the fix is to add them.
 */
function longFormHint(
  ctx: { doc: { text: string; lines: { position(o: number): { line: number } } } },
  base: string,
  at: number,
): string {
  if (!/^[A-Z]{2,8}$/.test(base)) return '';
  let re = longFormPatterns.get(base);
  if (!re) {
    re = new RegExp(longFormSource(base), 'y');
    longFormPatterns.set(base, re);
  }
  const text = ctx.doc.text;
  const from = Math.max(0, at - HINT_BEFORE);
  const window = text.slice(from, at + HINT_AFTER);
  // A long form starts with the acronym's first capital at a word start: try the regex only at
  // those places, in order (the first that matches is the leftmost match a search would find).
  let m: RegExpExecArray | null = null;
  for (let p = window.indexOf(base[0]!); p !== -1 && !m; p = window.indexOf(base[0]!, p + 1)) {
    if (p > 0 && isAsciiWordChar(window.charCodeAt(p - 1))) continue;
    re.lastIndex = p;
    m = re.exec(window);
  }
  if (!m) return '';
  const line = ctx.doc.lines.position(from + m.index).line;
  // A guess from capitals ("Minister Bloggs" spells MB too), so worded as one.
  return ` '${m[0].replace(/\s+/g, ' ')}' on line ${line} may be what it stands for: if so, add '(${base})' after it.`;
}

/** Sticky regexes by acronym. */
const longFormPatterns = new Map<string, RegExp>();


/** "ADCS" -> A… (of|and|…)* D… (…)* C… S…: capitalised words whose initials spell it. */
function longFormSource(base: string): string {
  const word = "[A-Za-z\u00C0-\u024F’'-]*";
  // Between words: spaces or a comma, and at most one line break (a blank line ends a long form:
  // a heading "Months" and the "See …" under it do not spell MS).
  const gap = '(?:[ \\t,]*\\r?\\n)?[ \\t,]+|[ \\t,]*\\r?\\n[ \\t]*';
  return base
    .split('')
    .map((l, i) => (i === 0 ? `\\b${l}${word}` : `(?:(?:${gap})${MINOR}\\b)*(?:${gap})${l}${word}`))
    .join('');
}
