// Packs + configuration -> compiled rules sharing one scanner. One switch dispatches on the kind;
// the closed set of kinds lives in packs/types.ts (RULE_KINDS).

import type { Pack, Rule, Severity } from '../packs/types.js';
import { compileScope } from './scope.js';
import { compileTerm } from './terms.js';
import type { CompiledCondition, Gate } from './context.js';
import type { CompileEnv, CompiledRule, RunRule } from './compiled-rule.js';
import { Scanner } from './scanner.js';
import { compileSubstitution } from './kinds/substitution.js';
import { compileExistence } from './kinds/existence.js';
import { compileConsistency } from './kinds/consistency.js';
import { compileAcronym } from './kinds/acronym.js';
import { compileNearMiss } from './kinds/near-miss.js';

export interface RuleSet {
  readonly scanner: Scanner;
  readonly rules: readonly CompiledRule[];
  /** Every rule id loaded, including those turned off (inline directives may name them). */
  readonly knownIds: ReadonlySet<string>;
  readonly packNames: ReadonlySet<string>;
  /** The config's acronyms that need no definition (the acronym rules hold them too). */
  readonly knownAcronyms: readonly string[];
}

export interface CompileOptions {
  /** Severity overrides by full rule id or pack name; 'off' drops the rule. */
  severities?: Record<string, Severity | 'off'>;
  knownAcronyms?: readonly string[];
  /** Compile only these full rule ids (the rule tester runs one rule at a time). */
  only?: ReadonlySet<string>;
}

export function compileRuleSet(packs: readonly Pack[], options: CompileOptions = {}): RuleSet {
  const scanner = new Scanner();
  const rules: CompiledRule[] = [];
  const knownIds = new Set<string>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const id = `${pack.name}/${rule.id}`;
      knownIds.add(id);
      if (options.only && !options.only.has(id)) continue;
      // Own keys only: a plain object would give a pack named 'constructor' Object's constructor.
      const severity = own(options.severities, id) ?? own(options.severities, pack.name) ?? rule.severity;
      if (severity === 'off') continue;
      const env: CompileEnv = { ruleId: id, scanner, gate: compileGate(rule, scanner), knownAcronyms: options.knownAcronyms ?? [] };
      rules.push({ id, rule, severity, ...(rule.link ? { link: rule.link } : {}), run: compileKind(rule, env) });
    }
  }
  const knownAcronyms = options.knownAcronyms ?? [];
  return { scanner, rules, knownIds, packNames: new Set(packs.map((p) => p.name)), knownAcronyms };
}

function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

function compileKind(rule: Rule, env: CompileEnv): RunRule {
  switch (rule.kind) {
    case 'substitution':
      return compileSubstitution(rule, env);
    case 'existence':
      return compileExistence(rule, env);
    case 'consistency':
      return compileConsistency(rule, env);
    case 'acronym':
      return compileAcronym(rule, env);
    case 'near-miss':
      return compileNearMiss(rule, env);
  }
}

function compileGate(rule: Rule, scanner: Scanner): Gate {
  const conditions = (list: Rule['when']): CompiledCondition[] =>
    (list ?? []).map((c) => ({
      owner: scanner.register(c.near.map((t) => compileTerm(t, false))),
      within: c.within,
    }));
  return {
    scope: compileScope(rule.scope),
    // One alternation for all of a rule's exceptions: one search per candidate.
    exceptions: rule.exceptions?.length
      ? [
          new RegExp(
            rule.exceptions.map((t) => compileTerm(t, rule.caseSensitive ?? false).source).join('|'),
            rule.caseSensitive ? 'g' : 'gi',
          ),
        ]
      : [],
    position: rule.position ?? 'any',
    when: conditions(rule.when),
    unless: conditions(rule.unless),
  };
}
