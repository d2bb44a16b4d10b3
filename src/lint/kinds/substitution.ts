// substitution: a term with a preferred replacement; the fix keeps the original's case.

import type { SubstitutionRule } from '../../packs/types.js';
import { displayText, type CompileEnv, type RawFinding, type RunRule } from '../compiled-rule.js';
import { isSentenceStart, passesGate, type DocumentContext } from '../context.js';
import { suffixOf } from '../scanner.js';
import { renderMessage } from '../message.js';
import { compileTerm, inflectLike, isTitleCase, matchCase, matchHyphens, type TermPattern } from '../terms.js';

export function compileSubstitution(rule: SubstitutionRule, env: CompileEnv): RunRule {
  const caseSensitive = rule.caseSensitive ?? false;
  const entries = Object.entries(rule.swap).map(([term, replacement]) => ({
    owner: env.scanner.register([compileTerm(term, caseSensitive)]),
    replacement,
  }));
  return (ctx) => {
    const text = ctx.doc.text;
    const out: RawFinding[] = [];
    for (const { owner, replacement } of entries) {
      for (const hit of ctx.hits[owner] ?? []) {
        if (!passesGate(ctx, env.gate, hit.start, hit.end)) continue;
        const actual = text.slice(hit.start, hit.end);
        let expected = inflectLike(replacement, hit.pattern, suffixOf(text, hit));
        if (!caseSensitive) expected = caseOfReplacement(ctx, hit.start, actual, expected, hit.pattern);
        expected = matchHyphens(actual, expected, hit.pattern);
        if (alreadyPreferred(text, hit.start, hit.end, expected, caseSensitive)) continue;
        out.push({
          start: hit.start,
          end: hit.end,
          message: renderMessage(rule.message, { actual: displayText(actual), expected }),
          expected,
          fix: { start: hit.start, end: hit.end, text: expected },
        });
      }
    }
    return out;
  };
}

/**
 * The replacement in the case of what was written ("VOLUNTARY SECTOR" -> "THIRD SECTOR"), except
 * capitals on every word in running text: "Voluntary Sector" mid-sentence is a habit that sector
 * names should not have (the third-sector pack's sector-lower-case rule flags it), so its
 * replacement is written as the pack writes it, with a capital only at a sentence's start. A
 * heading keeps its capitals.
 */
function caseOfReplacement(ctx: DocumentContext, start: number, actual: string, replacement: string, pattern: TermPattern): string {
  const capitalised = (s: string) => s.replace(/^(\P{L}*)(\p{Ll})/u, (_, lead: string, c: string) => lead + c.toUpperCase());
  if (isTitleCase(actual) && ctx.doc.blockAt(start)?.type !== 'heading') {
    return isSentenceStart(ctx, start) ? capitalised(replacement) : replacement;
  }
  const cased = matchCase(actual, replacement, pattern);
  // An acronym's replacement is written as the pack writes it ("BAME" -> "ethnic minority"),
  // but a sentence still starts with a capital: "BAME groups replied." -> "Ethnic minority groups".
  return cased !== capitalised(cased) && /^[A-Z]/.test(actual) && isSentenceStart(ctx, start) ? capitalised(cased) : cased;
}

/** A swap whose replacement contains the term ("sector" -> "third sector") must not re-flag it. */
function alreadyPreferred(text: string, start: number, end: number, expected: string, caseSensitive: boolean): boolean {
  const fold = (s: string) => (caseSensitive ? s : s.toLowerCase());
  const from = Math.max(0, start - expected.length);
  const around = fold(text.slice(from, Math.min(text.length, end + expected.length)));
  const want = fold(expected);
  for (let i = around.indexOf(want); i !== -1; i = around.indexOf(want, i + 1)) {
    if (from + i <= start && from + i + want.length >= end) return true;
  }
  return fold(displayText(text.slice(start, end))) === want;
}
