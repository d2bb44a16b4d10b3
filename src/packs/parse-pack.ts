// Parsing and validating a rule pack's YAML into a Pack: the YAML parser and schema, loaded only
// when a YAML pack must be read (bundled packs are precompiled at build time).

import { issuesToProblems, LocatedError, parseLocatedYaml } from '../yaml/located.js';
import { checkPackValues, packSchema, packSchemaInfo, type PackInput, type RuleInput } from './schema.js';
import type { Pack, Rule } from './types.js';

/** Validates a pack; throws a LocatedError with every problem, located in `origin`. */
export function parsePack(yamlText: string, origin: string): Pack {
  const { yaml, data } = parseLocatedYaml(yamlText, origin);
  yaml.throwIfProblems();
  const result = packSchema.safeParse(data ?? null);
  if (!result.success) yaml.addAll(issuesToProblems(result.error.issues, data, packSchemaInfo(data)));
  yaml.addAll(checkPackValues(data, (path) => yaml.position(path).line));
  yaml.throwIfProblems();
  // Unreachable when the schema failed: that always adds a problem.
  if (!result.success) throw new LocatedError(yaml.problems);
  return toPack(result.data, origin);
}

// --- From schema output to the Pack types (kebab-case keys to camelCase) -------------------

function toPack(input: PackInput, origin: string): Pack {
  return withoutUndefined({
    name: input.name,
    description: input.description,
    sources: input.sources.map((s) => withoutUndefined({ title: s.title, url: s.url })),
    rules: input.rules.map(toRule),
    origin,
  });
}

function toRule(input: RuleInput): Rule {
  const common = {
    id: input.id,
    kind: input.kind,
    message: input.message,
    severity: input.severity,
    description: input.description,
    link: input.link,
    source: input.source,
    scope: input.scope,
    when: input.when,
    unless: input.unless,
    exceptions: input.exceptions,
    caseSensitive: input['case-sensitive'],
    position: input.position,
    examples: input.examples && {
      valid: input.examples.valid,
      invalid: input.examples.invalid.map((e) => withoutUndefined({ text: e.text, fixed: e.fixed })),
    },
  };
  switch (input.kind) {
    case 'substitution':
      return withoutUndefined({ ...common, kind: input.kind, swap: input.swap });
    case 'existence':
      return withoutUndefined({ ...common, kind: input.kind, terms: input.terms });
    case 'consistency':
      return withoutUndefined({ ...common, kind: input.kind, variants: input.variants });
    case 'acronym':
      return withoutUndefined({ ...common, kind: input.kind, known: input.known, lateMessage: input['late-message'] });
    case 'near-miss':
      return withoutUndefined({
        ...common,
        kind: input.kind,
        terms: input.terms,
        maxDistance: input['max-distance'],
        ignore: input.ignore,
      });
  }
}

/** Leaves optional keys out instead of present-but-undefined, so packs compare and print cleanly. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
