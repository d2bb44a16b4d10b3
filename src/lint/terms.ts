// A term in a rule pack (a phrase, or /regex/) compiled to regular expressions.
//
// Phrases match case-insensitively by default, on word boundaries, across line breaks and runs of
// spaces, with a hyphen and a space alike ("third-sector" = "third sector"), and with simple
// inflections of the last word ("sectors", "charities"). Each term yields a source that can be
// combined with others into one alternation (no capturing groups) and a sticky regex used to
// confirm a match at a known position, whose group 1 captures the inflection suffix.

export interface TermPattern {
  /** The term as written in the pack. */
  readonly term: string;
  readonly isRegex: boolean;
  readonly caseSensitive: boolean;
  /** Regex source safe to combine into an alternation. */
  readonly source: string;
  /** The same pattern, sticky, with group 1 = inflection suffix for phrases. */
  readonly sticky: RegExp;
  /** Characters a match can start with (both cases when insensitive); undefined = unknown. */
  readonly firstChars: readonly string[] | undefined;
  /**
   * ASCII letters every match starts with, lower case when case-insensitive: the scanner compares
   * them before running the sticky regex (a call costs more than the comparison).
   */
  readonly prefix?: string;
  /**
   * Phrases and acronyms: check Unicode word boundaries (\b only knows ASCII): no letter, number
   * or combining mark just before or after the match.
   */
  readonly checkBoundaries: boolean;
  /** Phrases: the last word as written, to inflect a replacement like the match. */
  readonly lastWord?: string;
}

/**
 * Word boundaries for phrases and canvass's own patterns: no ASCII letter or digit on that side,
 * nor underscores joined to one (snake_case). Not \b, which counts "_" as a letter, so a term in
 * Markdown's underscore emphasis ("__voluntary sector__", "_NCVO_") would never match.
 */
export const WORD_START = '(?<![A-Za-z0-9])(?<![A-Za-z0-9]_+)';
export const WORD_END = '(?![A-Za-z0-9])(?!_+[A-Za-z0-9])';

const SEPARATOR = '[\\s\\u00a0\\-\\u2010\\u2011]+';
const WORD_SPLIT = /[\s\u00a0\-\u2010\u2011]+/;

export function isRegexTerm(term: string): boolean {
  return term.length > 2 && term.startsWith('/') && term.endsWith('/');
}

export function compileTerm(term: string, caseSensitive: boolean): TermPattern {
  const flags = caseSensitive ? 'y' : 'iy';
  if (isRegexTerm(term)) {
    const body = term.slice(1, -1);
    const source = `(?:${body})`;
    return {
      term,
      isRegex: true,
      caseSensitive,
      source,
      sticky: new RegExp(source, flags),
      firstChars: regexFirstChars(body, caseSensitive),
      checkBoundaries: false,
    };
  }
  const words = term.trim().split(WORD_SPLIT).filter(Boolean);
  const last = words[words.length - 1] ?? '';
  const head = words.slice(0, -1).map(escapeWord);
  const [stem, suffix] = inflect(last);
  const lastSource = escapeWord(stem);
  const combined = [...head, lastSource + suffix.replace(/^\(/, '(?:')].join(SEPARATOR);
  const captured = [...head, lastSource + suffix].join(SEPARATOR);
  const startB = /^\w/.test(words[0] ?? '') ? WORD_START : '';
  const endB = /\w$/.test(last) ? WORD_END : '';
  const first = (words[0] ?? '')[0];
  return {
    term,
    isRegex: false,
    caseSensitive,
    source: `${startB}${combined}${endB}`,
    sticky: new RegExp(`${startB}${captured}${endB}`, flags),
    firstChars: first === undefined ? undefined : charsFor(first, caseSensitive),
    // A one-word term inflects: its prefix comes from the stem ("NGOs" also matches "NGO").
    ...asciiPrefix(words.length > 1 ? (words[0] ?? '') : stem, caseSensitive),
    checkBoundaries: true,
    lastWord: last,
  };
}

/** "children's", "people’s": a possessive, not a plural. */
export const POSSESSIVE = /\p{L}['’]s$/iu;

/** Split a last word into a stem and the suffix group that lets it inflect. */
function inflect(word: string): [string, string] {
  // Any letter may end a word ("café" -> "cafés"); a possessive is not a plural ("children's"
  // must not match "children’", a word before a closing quote).
  if (!/\p{L}$/u.test(word) || POSSESSIVE.test(word)) return [word, ''];
  if (/ies$/i.test(word) && word.length > 4) return [word.slice(0, -3), '(y|ies)'];
  if (/[^aeiou]y$/i.test(word)) return [word.slice(0, -1), '(y|ies)'];
  if (/[^su]s$/i.test(word) && !/is$/i.test(word) && word.length > 3) return [word.slice(0, -1), '(s)?'];
  return [word, '(s|es)?'];
}

function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/['’]/g, "['’]");
}

/** The leading ASCII letters of `word` (at most four), as TermPattern.prefix. */
export function asciiPrefix(word: string, caseSensitive: boolean): { prefix?: string } {
  const letters = /^[A-Za-z]{1,4}/.exec(word)?.[0];
  if (!letters) return {};
  return { prefix: caseSensitive ? letters : letters.toLowerCase() };
}

function charsFor(c: string, caseSensitive: boolean): string[] {
  if (c === "'" || c === '’') return ["'", '’'];
  if (caseSensitive) return [c];
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  return lower === upper ? [c] : [lower, upper];
}

/** First characters of a regex term when it plainly starts with a literal letter or digit. */
function regexFirstChars(body: string, caseSensitive: boolean): string[] | undefined {
  const m = /^(?:\\b)?([A-Za-z0-9])([^*?{]|$)/.exec(body);
  return m ? charsFor(m[1]!, caseSensitive) : undefined;
}

/**
 * Inflect a replacement like the match: if the match added a plural suffix to the term's last
 * word ("voluntary sectors" for "voluntary sector"), pluralise the replacement's last word too;
 * if the pack wrote the term in the plural and the match is singular ("local authority" for
 * "local authorities: councils"), make the replacement singular.
 */
export function inflectLike(replacement: string, pattern: TermPattern, suffix: string | undefined): string {
  if (pattern.isRegex || !isSimpleNounPhrase(replacement)) return replacement;
  const matchIsPlural = suffix !== undefined && /^(?:ies|s|es)$/i.test(suffix);
  const termIsPlural = isPluralWord(pattern.lastWord ?? '');
  if (termIsPlural && !matchIsPlural) return replacement.replace(/(\p{L}+)$/u, (w) => singularise(w));
  if (!matchIsPlural || termIsPlural || /s$/i.test(replacement)) return replacement;
  return replacement.replace(/(\p{L}+)$/u, (w) => pluralise(w));
}

/**
 * Only a short replacement whose last word is its head noun can be inflected mechanically
 * ("third sector" -> "third sectors"); "person who uses services" cannot.
 */
function isSimpleNounPhrase(replacement: string): boolean {
  return replacement.trim().split(/\s+/).length <= 3 && !/\b(?:who|which|that|of)\b/i.test(replacement);
}

/** A term's last word that the matcher inflects as a plural (the same test as `inflect`). */
function isPluralWord(word: string): boolean {
  if (POSSESSIVE.test(word)) return false;
  return (/ies$/i.test(word) && word.length > 4) || (/[^su]s$/i.test(word) && !/is$/i.test(word) && word.length > 3);
}

/**
 * The singular of a replacement's last word where it is plain: councils, charities, services,
 * churches, fees. Left as written where it is not: an acronym (NHS, VCS), -ss, -us, -is, and
 * -ses or -oes (buses or causes? heroes or shoes?).
 */
function singularise(word: string): string {
  if (!/[a-z]/.test(word.slice(0, -1)) && !/^[A-Z0-9&]+s$/.test(word)) return word; // NHS; NGOs -> NGO below
  if (/ies$/i.test(word) && word.length > 4) return word.slice(0, -3) + (/[A-Z]$/.test(word) ? 'Y' : 'y');
  if (/(?:ss|us|is)$/i.test(word) || !/s$/i.test(word)) return word;
  if (/(?:x|z|ch|sh|ss)es$/i.test(word)) return word.slice(0, -2);
  if (/(?:[^s]s|o)es$/i.test(word)) return word;
  return word.slice(0, -1);
}

function pluralise(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return word.slice(0, -1) + 'ies';
  if (/(?:s|x|z|ch|sh)$/i.test(word)) return word + 'es';
  return word + 's';
}

/**
 * Keep the hyphens of a hyphenated match: "Third-Sector groups" -> "third-sector groups", not
 * "third sector groups". A phrase matches a hyphen and a space alike; when every break between
 * the words written is a hyphen (a compound modifier), the replacement's words are joined with
 * that hyphen too, when they are plain words. A match written with spaces or a line break
 * anywhere is left alone.
 */
export function matchHyphens(written: string, replacement: string, pattern?: TermPattern): string {
  // Only a replacement of plain words: "voluntary, community and social enterprise (VCSE)
  // sector" joined by hyphens would be nonsense.
  if (!pattern || pattern.isRegex || !PLAIN_WORDS.test(replacement.trim())) return replacement;
  const hyphen = /^[^\s\u00a0\-\u2010\u2011]+([\-\u2010\u2011])[^\s\u00a0]*$/.exec(written)?.[1];
  return hyphen === undefined ? replacement : replacement.trim().split(/\s+/).join(hyphen);
}

/** Two or more words of letters and digits only, separated by spaces. */
const PLAIN_WORDS = /^[\p{L}\p{N}]+(?:\s+[\p{L}\p{N}]+)+$/u;

/**
 * "Voluntary Sector", "Voluntary and Community Sector": two or more major words, each starting
 * with a capital, not all in capitals.
 */
/** The first letter in capitals, when it is a lower-case one: "third sector" -> "Third sector". */
export function capitalise(text: string): string {
  return text.replace(/^(\P{L}*)(\p{Ll})/u, (_, lead: string, c: string) => lead + c.toUpperCase());
}

export function isTitleCase(written: string): boolean {
  const letters = written.replace(/[^A-Za-z]/g, '');
  if (letters === letters.toUpperCase()) return false;
  const major = written.split(WORD_SPLIT).filter((w) => /[A-Za-z]/.test(w) && !MINOR_WORDS.has(w.toLowerCase()));
  return major.length > 1 && major.every((w) => /^[^A-Za-z]*[A-Z]/.test(w));
}

const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/** Keep the case pattern of what was written: "Voluntary sector" -> "Third sector", "VCS" -> upper. */
export function matchCase(written: string, replacement: string, pattern?: TermPattern): string {
  // An acronym (NGO, NGOs, VCS) says nothing about how its spelled-out replacement is cased; a
  // word the pack writes in lower case ("charity") is not one, however it is written (CHARITY).
  const acronymTerm = !pattern || pattern.isRegex || !/[a-z]/.test(pattern.term.replace(/s$/, ''));
  if (acronymTerm && /^[A-Z][A-Z0-9&]*s?$/.test(written.trim()) && written.trim().length <= 8) return replacement;
  const letters = written.replace(/[^A-Za-z]/g, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return replacement.toUpperCase();
  if (isTitleCase(written)) {
    return replacement.replace(/(^|[\s-])([a-z]+)/g, (m, sep: string, w: string) =>
      MINOR_WORDS.has(w) && sep !== '' ? m : sep + w[0]!.toUpperCase() + w.slice(1),
    );
  }
  return /^[^A-Za-z]*[A-Z]/.test(written) ? capitalise(replacement) : replacement;
}
