// substitution: a term with a preferred replacement; the fix keeps the original's case.

import type { SubstitutionRule } from '../../packs/types.js';
import { displayText, type CompileEnv, type RawFinding, type RunRule } from '../compiled-rule.js';
import { passesGate } from '../context.js';
import { suffixOf } from '../scanner.js';
import { renderMessage } from '../message.js';
import { replacementInContext } from '../replacement-case.js';
import { compileTerm, inflectLike, matchHyphens } from '../terms.js';

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
        if (!caseSensitive) expected = replacementInContext(ctx, hit.start, actual, expected, hit.pattern);
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
