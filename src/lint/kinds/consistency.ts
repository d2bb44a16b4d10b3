// consistency: a document should use one form of each group of variants. The form used most
// wins (on a tie, the form listed first: the house style); every occurrence of the others is flagged.

import type { ConsistencyRule } from '../../packs/types.js';
import { displayText, type CompileEnv, type RawFinding, type RunRule } from '../compiled-rule.js';
import { passesGate, type DocumentContext } from '../context.js';
import { renderMessage } from '../message.js';
import { suffixOf, type Hit } from '../scanner.js';
import { replacementInContext } from '../replacement-case.js';
import { compileTerm, inflectLike, type TermPattern } from '../terms.js';

interface Variant {
  term: string;
  pattern: TermPattern;
  owner: number;
}

export function compileConsistency(rule: ConsistencyRule, env: CompileEnv): RunRule {
  const caseSensitive = rule.caseSensitive ?? false;
  const groups: Variant[][] = rule.variants.map((group) =>
    group.map((term) => {
      const pattern = compileTerm(term, caseSensitive);
      return { term, pattern, owner: env.scanner.register([pattern]) };
    }),
  );
  return (ctx) => {
    const text = ctx.doc.text;
    const out: RawFinding[] = [];
    for (const group of groups) {
      // Most documents use one form or none: then there is nothing to compare, and no scope to check.
      if (group.filter((v) => (ctx.hits[v.owner]?.length ?? 0) > 0).length < 2) continue;
      const used = group
        .map((variant) => ({
          variant,
          // Text switched off for this rule by a directive is not counted (a quoted passage in
          // American spelling must not outvote the author's own and have --fix rewrite it).
          hits: (ctx.hits[variant.owner] ?? []).filter((h) => !ctx.suppressed(h.start, env.ruleId) && passesGate(ctx, env.gate, h.start, h.end)),
        }))
        .filter((u) => u.hits.length > 0);
      if (used.length < 2) continue;
      // `used` keeps the group's order, so on a tie the first-listed form stays the winner.
      const winner = used.reduce((best, u) => (u.hits.length > best.hits.length ? u : best));
      for (const loser of used) {
        if (loser === winner) continue;
        for (const hit of loser.hits) {
          const actual = text.slice(hit.start, hit.end);
          const expected = preferredForm(ctx, winner.variant, winner.hits, hit, actual, caseSensitive);
          const finding: RawFinding = {
            start: hit.start,
            end: hit.end,
            message: renderMessage(rule.message, {
              actual: displayText(actual),
              expected,
              count: loser.hits.length,
              expectedCount: winner.hits.length,
            }),
            expected,
          };
          // Rewriting is safe only between two plain phrases; a regex form may stand for many words.
          if (!winner.variant.pattern.isRegex && !loser.variant.pattern.isRegex) {
            finding.fix = { start: hit.start, end: hit.end, text: expected };
          }
          out.push(finding);
        }
      }
    }
    return out;
  };
}

function preferredForm(
  ctx: DocumentContext,
  winner: Variant,
  winnerHits: readonly Hit[],
  hit: Hit,
  actual: string,
  caseSensitive: boolean,
): string {
  const text = ctx.doc.text;
  if (winner.pattern.isRegex) return displayText(text.slice(winnerHits[0]!.start, winnerHits[0]!.end));
  const inflected = inflectLike(winner.term, hit.pattern, suffixOf(text, hit));
  return caseSensitive ? inflected : replacementInContext(ctx, hit.start, actual, inflected, hit.pattern);
}
