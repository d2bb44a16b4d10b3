// What a valid rule pack is: the zod schema of its structure (YAML's kebab-case keys), and the
// checks that need more than one value or a compiled pattern (terms, duplicate ids, placeholders,
// scope names). Messages are ours; see yaml/located.ts for how they get their positions.

import { z } from 'zod';
import { SCOPE_NAMES } from '../document/model.js';
import { didYouMeanSuffix } from '../yaml/did-you-mean.js';
import { isRecord, mustBe, oneOf, show, type PathProblem, type SchemaInfo, type YamlPath } from '../yaml/located.js';
import { classEnd, groupEnd } from './regex-source.js';
import { MESSAGE_PLACEHOLDERS, POSITIONS, RULE_KINDS, SEVERITIES, UNITS, type RuleKind } from './types.js';

const NAME = /^[a-z0-9-]+$/;

// --- Building blocks -----------------------------------------------------------------------

const text = (field: string) => z.string({ error: mustBe(field, 'a string') });

const name = (field: string) =>
  text(field).regex(NAME, { error: mustBe(field, 'lowercase letters, digits and hyphens') });

const url = (field: string) => z.url({ protocol: /^https?$/, error: mustBe(field, 'an http(s) URL') });

/** A list of strings: "not a list" and "an item is not a string" read the same. */
function strings(field: string, items: string, min = 0) {
  const error = mustBe(field, `a list of ${items}`);
  return z.array(z.string({ error }), { error }).min(min, { error: `'${field}' must not be an empty list` });
}

/** `when`/`unless`: one condition or a list of them, always a list once parsed. */
function conditions(field: 'when' | 'unless') {
  const error = mustBe(field, 'a condition {near, within} or a non-empty list of them');
  const condition = z.strictObject(
    {
      near: strings('near', 'terms', 1),
      within: z.enum(UNITS, { error: oneOf('within', UNITS) }),
    },
    { error },
  );
  return z
    .union([condition, z.array(condition, { error }).min(1, { error })], { error })
    .transform((c) => (Array.isArray(c) ? c : [c]));
}

const invalidExampleError = mustBe('invalid', 'a list of example texts or {text, fixed} mappings');
const invalidExample = z
  .union([z.string(), z.strictObject({ text: text('text'), fixed: text('fixed').optional() })], {
    error: invalidExampleError,
  })
  .transform((e) => (typeof e === 'string' ? { text: e } : e));

const examples = z.strictObject(
  {
    valid: strings('valid', 'example texts').default([]),
    invalid: z.array(invalidExample, { error: invalidExampleError }).default([]),
  },
  { error: mustBe('examples', 'a mapping with valid and invalid lists') },
);

const sourcesError = mustBe('sources', 'a list of URLs or {title, url} mappings');
const source = z
  .union([url('sources'), z.strictObject({ title: text('title').optional(), url: url('url') })], {
    error: sourcesError,
  })
  .transform((s) => (typeof s === 'string' ? { url: s } : s));

// --- Rules ---------------------------------------------------------------------------------

const common = {
  id: name('id'),
  message: text('message').min(1, { error: mustBe('message', 'a non-empty string') }),
  severity: z.enum(SEVERITIES, { error: oneOf('severity', SEVERITIES) }),
  description: text('description').optional(),
  link: url('link').optional(),
  source: text('source').optional(),
  scope: strings('scope', 'scope names', 1).optional(),
  when: conditions('when').optional(),
  unless: conditions('unless').optional(),
  exceptions: strings('exceptions', 'strings').optional(),
  'case-sensitive': z.boolean({ error: mustBe('case-sensitive', 'true or false') }).optional(),
  position: z.enum(POSITIONS, { error: oneOf('position', POSITIONS) }).optional(),
  examples: examples.optional(),
};

const swapError = mustBe('swap', 'a non-empty mapping of term to replacement text');
const variantsError = mustBe('variants', 'a non-empty list of groups of at least 2 terms');
const maxDistanceError = mustBe('max-distance', 'a whole number from 1 to 3');

/** Keys only one kind (or two) may use. */
const KIND_FIELDS = {
  substitution: {
    swap: z
      .record(z.string(), z.string({ error: swapError }), { error: swapError })
      .refine((swap) => Object.keys(swap).length > 0, { error: swapError }),
  },
  existence: { terms: strings('terms', 'strings', 1) },
  consistency: {
    variants: z
      .array(z.array(z.string({ error: variantsError }), { error: variantsError }).min(2, { error: variantsError }), {
        error: variantsError,
      })
      .min(1, { error: variantsError }),
  },
  acronym: {
    known: strings('known', 'strings').default([]),
    'late-message': text('late-message').min(1, { error: mustBe('late-message', 'a non-empty string') }).optional(),
  },
  'near-miss': {
    terms: strings('terms', 'strings', 1),
    'max-distance': z
      .number({ error: maxDistanceError })
      .int({ error: maxDistanceError })
      .min(1, { error: maxDistanceError })
      .max(3, { error: maxDistanceError })
      .optional(),
    ignore: strings('ignore', 'phrases').optional(),
  },
} as const;

const ruleSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ ...common, kind: z.literal('substitution'), ...KIND_FIELDS.substitution }),
    z.strictObject({ ...common, kind: z.literal('existence'), ...KIND_FIELDS.existence }),
    z.strictObject({ ...common, kind: z.literal('consistency'), ...KIND_FIELDS.consistency }),
    z.strictObject({ ...common, kind: z.literal('acronym'), ...KIND_FIELDS.acronym }),
    z.strictObject({ ...common, kind: z.literal('near-miss'), ...KIND_FIELDS['near-miss'] }),
  ],
  { error: mustBe('rules', 'a list of rule mappings') },
);

const rulesError = mustBe('rules', 'a non-empty list of rules');

export const packSchema = z.strictObject(
  {
    name: name('name'),
    description: text('description').optional(),
    sources: z.array(source, { error: sourcesError }).default([]),
    rules: z.array(ruleSchema, { error: rulesError }).min(1, { error: rulesError }),
  },
  { error: (issue) => `a rule pack must be a mapping with 'name' and 'rules' (got ${show(issue.input)})` },
);

/** A pack as the schema outputs it: YAML key names, when/examples/sources normalised. */
export type PackInput = z.output<typeof packSchema>;
export type RuleInput = PackInput['rules'][number];

const COMMON_KEYS = ['id', 'kind', ...Object.keys(common)];

/** Every key a rule of each kind may have. */
export const RULE_KEYS: Record<RuleKind, readonly string[]> = {
  substitution: [...COMMON_KEYS, ...Object.keys(KIND_FIELDS.substitution)],
  existence: [...COMMON_KEYS, ...Object.keys(KIND_FIELDS.existence)],
  consistency: [...COMMON_KEYS, ...Object.keys(KIND_FIELDS.consistency)],
  acronym: [...COMMON_KEYS, ...Object.keys(KIND_FIELDS.acronym)],
  'near-miss': [...COMMON_KEYS, ...Object.keys(KIND_FIELDS['near-miss'])],
};

function isKind(value: unknown): value is RuleKind {
  return typeof value === 'string' && (RULE_KINDS as readonly string[]).includes(value);
}

// --- Describing places in a pack, for zod issue messages -----------------------------------

type Place = 'pack' | 'rule' | 'examples' | 'example' | 'condition' | 'source';

const PLACE_KEYS: Record<Exclude<Place, 'rule'>, readonly string[]> = {
  pack: Object.keys(packSchema.shape),
  examples: ['valid', 'invalid'],
  example: ['text', 'fixed'],
  condition: ['near', 'within'],
  source: ['title', 'url'],
};

/** Which kind of mapping a path leads to, from the last key on the way. */
function placeOf(path: YamlPath): Place {
  const keys = path.filter((s): s is string => typeof s === 'string');
  switch (keys[keys.length - 1]) {
    case 'rules':
      return 'rule';
    case 'examples':
      return 'examples';
    case 'invalid':
      return 'example';
    case 'when':
    case 'unless':
      return 'condition';
    case 'sources':
      return 'source';
    default:
      return 'pack';
  }
}

/** What issuesToProblems needs to word issues about the pack `data`. */
export function packSchemaInfo(data: unknown): SchemaInfo {
  const ruleAt = (path: YamlPath) => {
    const index = path[1];
    const rules = isRecord(data) && Array.isArray(data.rules) ? data.rules : [];
    const rule: unknown = typeof index === 'number' ? rules[index] : undefined;
    return { rule: isRecord(rule) ? rule : {}, index: typeof index === 'number' ? index : 0 };
  };
  const ruleLabel = (path: YamlPath) => {
    const { rule, index } = ruleAt(path);
    return typeof rule.id === 'string' ? `rule '${rule.id}'` : `rule #${index + 1}`;
  };
  return {
    describe(path) {
      const place = placeOf(path);
      if (place === 'rule') return ruleLabel(path);
      if (place === 'condition') return `'${path.findLast((s) => s === 'when' || s === 'unless')}' condition`;
      if (place === 'example') return 'invalid example';
      return place;
    },
    keysAt(path) {
      const place = placeOf(path);
      if (place !== 'rule') return PLACE_KEYS[place];
      const { kind } = ruleAt(path).rule;
      return isKind(kind) ? RULE_KEYS[kind] : COMMON_KEYS;
    },
    unknownKey(path, key) {
      if (placeOf(path) !== 'rule') return undefined;
      const { kind } = ruleAt(path).rule;
      const owners = RULE_KINDS.filter((k) => k !== kind && RULE_KEYS[k].includes(key) && !COMMON_KEYS.includes(key));
      if (!isKind(kind) || owners.length === 0) return undefined;
      return `key '${key}' is not allowed for kind '${kind}' (it belongs to ${owners.join(', ')})`;
    },
    badDiscriminator(_path, value) {
      const suggestion = typeof value === 'string' ? didYouMeanSuffix(value, RULE_KINDS) : '';
      return `unknown kind ${show(value)}${suggestion}; allowed kinds: ${RULE_KINDS.join(', ')}`;
    },
  };
}

// --- Terms ---------------------------------------------------------------------------------

/** The pattern source of a /regex/ term, or undefined for a plain phrase (as lint/terms.ts reads it). */
export function regexSource(term: string): string | undefined {
  return term.length > 2 && term.startsWith('/') && term.endsWith('/') ? term.slice(1, -1) : undefined;
}

/**
 * What is wrong with a term, if anything. Regex terms must compile, and since all terms of a
 * rule are joined into one alternation they may not use backreferences (group numbers shift),
 * named groups (two of one name would clash) nor match empty text (the alternation would match
 * everywhere).
 */
export function termProblem(term: string, field: string, allowRegex = true): string | undefined {
  if (term.trim() === '') return `empty term in '${field}'`;
  const source = regexSource(term);
  if (source === undefined) {
    if (allowRegex && /^\/.+\/[dgimsuyv]+$/.test(term)) {
      return `regular expression in '${field}' has flags: ${term} (terms take none; 'case-sensitive' sets the case)`;
    }
    return undefined;
  }
  if (!allowRegex) return `'${field}' takes plain phrases, not regular expressions (got ${term})`;
  try {
    new RegExp(source);
  } catch (error) {
    const message = (error as Error).message;
    const prefix = `Invalid regular expression: /${source}/: `;
    return `invalid regular expression in '${field}': ${term}: ${message.startsWith(prefix) ? message.slice(prefix.length) : message}`;
  }
  if (hasBackreference(source)) {
    return `regular expression in '${field}' uses a backreference: ${term} (terms are combined into one pattern)`;
  }
  if (hasNamedGroup(source)) {
    return `regular expression in '${field}' names a group: ${term} (terms are combined into one pattern, where two groups of one name clash; write (?:…))`;
  }
  if (canMatchEmpty(source)) return `regular expression in '${field}' can match empty text: ${term}`;
  return undefined;
}

/**
 * Can the regex match empty text somewhere? Assertions (\b, \B, ^, $ and lookarounds) consume
 * nothing, so it can when it matches the empty string with them left out: `x*`, but also `\b`
 * and `(?=sector)`, which match nothing but empty text and so would never flag anything.
 */
function canMatchEmpty(source: string): boolean {
  if (new RegExp(`^(?:${source})$`).test('')) return true;
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      if (!/[bB]/.test(source[i + 1] ?? '')) out += source.slice(i, i + 2);
      i++;
    } else if (c === '[') {
      const end = classEnd(source, i);
      out += source.slice(i, end + 1);
      i = end;
    } else if (c === '^' || c === '$') {
      continue;
    } else if (/^\(\?(?:=|!|<=|<!)/.test(source.slice(i, i + 4))) {
      i = groupEnd(source, i);
    } else {
      out += c;
    }
  }
  try {
    return new RegExp(`^(?:${out})$`).test('');
  } catch {
    return false; // a quantified assertion, "(?=a)*", left a bare quantifier: not worth judging
  }
}

/**
 * "Third Sector: third sector" in a rule that ignores case: every match already reads as its
 * replacement, so the rule could never flag anything.
 */
function caseOnlySwap(term: string, replacement: unknown, caseSensitive: boolean): string | undefined {
  if (caseSensitive || typeof replacement !== 'string' || regexSource(term) !== undefined) return undefined;
  if (term.trim().toLowerCase() !== replacement.trim().toLowerCase()) return undefined;
  return `swap '${term}' -> '${replacement}' differs only in letter case, and the rule ignores case, so it can never flag anything: add 'case-sensitive: true' to the rule`;
}

/** A named group "(?<name>" outside a character class (not a lookbehind, "(?<=" or "(?<!"). */
function hasNamedGroup(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(' && source.startsWith('(?<', i) && source[i + 3] !== '=' && source[i + 3] !== '!') return true;
  }
  return false;
}

/** \1-\9 or \k<name> outside a character class (inside one, \1 is an octal escape). */
function hasBackreference(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<'))) return true;
      i++;
    } else if (c === '[') {
      inClass = true;
    } else if (c === ']') {
      inClass = false;
    }
  }
  return false;
}

// --- Checks beyond the schema --------------------------------------------------------------

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Problems the schema does not find. Runs on the raw data whether or not the schema passed,
 * looking only at values of the right type, so that all problems of a file come out together.
 * `lineOf` gives the line of a path, for "first defined at line N".
 */
export function checkPackValues(data: unknown, lineOf: (path: YamlPath) => number): PathProblem[] {
  const problems: PathProblem[] = [];
  if (!isRecord(data) || !Array.isArray(data.rules)) return problems;
  const firstIds = new Map<string, YamlPath>();
  data.rules.forEach((rule: unknown, index) => {
    if (!isRecord(rule)) return;
    const at = (...rest: (string | number)[]): YamlPath => ['rules', index, ...rest];

    if (typeof rule.id === 'string') {
      const first = firstIds.get(rule.id);
      if (first) {
        problems.push({ path: at('id'), message: `duplicate rule id '${rule.id}' (first defined at line ${lineOf(first)})` });
      } else {
        firstIds.set(rule.id, at('id'));
      }
    }

    const checkTerms = (value: unknown, field: string, path: YamlPath, allowRegex = true) => {
      if (!Array.isArray(value)) return;
      value.forEach((term: unknown, i) => {
        const message = typeof term === 'string' ? termProblem(term, field, allowRegex) : undefined;
        if (message) problems.push({ path: [...path, i], message });
      });
    };
    if (isRecord(rule.swap)) {
      for (const [term, replacement] of Object.entries(rule.swap)) {
        const message = termProblem(term, 'swap') ?? caseOnlySwap(term, replacement, rule['case-sensitive'] === true);
        if (message) problems.push({ path: at('swap', term), message, target: 'key' });
      }
    }
    // near-miss compares spellings of phrases: a /regex/ term has no spelling to compare.
    checkTerms(rule.terms, 'terms', at('terms'), rule.kind !== 'near-miss');
    checkTerms(rule.exceptions, 'exceptions', at('exceptions'));
    checkTerms(rule.ignore, 'ignore', at('ignore'), false);
    if (Array.isArray(rule.variants)) {
      rule.variants.forEach((group: unknown, i) => checkTerms(group, 'variants', at('variants', i)));
    }
    for (const field of ['when', 'unless'] as const) {
      const value = rule[field];
      if (isRecord(value)) checkTerms(value.near, 'near', at(field, 'near'));
      if (Array.isArray(value)) {
        value.forEach((c: unknown, i) => isRecord(c) && checkTerms(c.near, 'near', at(field, i, 'near')));
      }
    }

    if (Array.isArray(rule.scope)) {
      rule.scope.forEach((item: unknown, i) => {
        if (typeof item !== 'string') return;
        const scope = item.startsWith('~') ? item.slice(1) : item;
        if ((SCOPE_NAMES as readonly string[]).includes(scope)) return;
        const suggestion = didYouMeanSuffix(scope, SCOPE_NAMES);
        const message = `unknown scope '${scope}'${suggestion || `; allowed scopes: ${SCOPE_NAMES.join(', ')}`}`;
        problems.push({ path: at('scope', i), message });
      });
    }

    if (isKind(rule.kind)) {
      for (const field of ['message', 'late-message']) {
        const template = rule[field];
        if (typeof template !== 'string') continue;
        for (const message of placeholderProblems(template, rule.kind, field)) problems.push({ path: at(field), message });
      }
    }
  });
  return problems;
}

function placeholderProblems(template: string, kind: RuleKind, field: string): string[] {
  const allowed = MESSAGE_PLACEHOLDERS[kind];
  const unknown = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const placeholder = match[1] ?? '';
    if (!allowed.includes(placeholder)) unknown.add(placeholder);
  }
  const list = allowed.map((p) => `{{${p}}}`).join(', ');
  return [...unknown].map((p) => `unknown placeholder {{${p}}} in ${field}; allowed for ${kind}: ${list}`);
}
