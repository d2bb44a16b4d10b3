// existence: every occurrence of a term is flagged.

import type { ExistenceRule } from '../../packs/types.js';
import { displayText, type CompileEnv, type RawFinding, type RunRule } from '../compiled-rule.js';
import { passesGate } from '../context.js';
import { renderMessage } from '../message.js';
import { compileTerm } from '../terms.js';

export function compileExistence(rule: ExistenceRule, env: CompileEnv): RunRule {
  const caseSensitive = rule.caseSensitive ?? false;
  const owner = env.scanner.register(rule.terms.map((t) => compileTerm(t, caseSensitive)));
  return (ctx) => {
    const out: RawFinding[] = [];
    for (const hit of ctx.hits[owner] ?? []) {
      if (!passesGate(ctx, env.gate, hit.start, hit.end)) continue;
      const actual = displayText(ctx.doc.text.slice(hit.start, hit.end));
      out.push({ start: hit.start, end: hit.end, message: renderMessage(rule.message, { actual }) });
    }
    return out;
  };
}
