// A rule pack as loaded and validated from YAML (see docs/rule-packs.md for the format).

export const SEVERITIES = ['error', 'warning', 'suggestion'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULE_KINDS = ['substitution', 'existence', 'consistency', 'acronym', 'near-miss'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const UNITS = ['sentence', 'paragraph', 'section', 'document'] as const;
export type Unit = (typeof UNITS)[number];

export const POSITIONS = ['any', 'mid-sentence', 'sentence-start'] as const;
export type Position = (typeof POSITIONS)[number];

/** "Only when one of these terms occurs in the same unit" (when) or "not when" (unless). */
export interface ContextCondition {
  near: string[];
  within: Unit;
}

/** An invalid example may mark the expected findings with [[…]] and give the text after --fix. */
export interface InvalidExample {
  text: string;
  fixed?: string;
}

export interface Examples {
  valid: string[];
  invalid: InvalidExample[];
}

interface RuleCommon {
  /** Id within the pack; the full id is `<pack>/<id>`. */
  id: string;
  kind: RuleKind;
  /** Template: {{actual}}, {{expected}}, {{count}}, ... depending on the kind. */
  message: string;
  severity: Severity;
  description?: string;
  link?: string;
  /** Where the rule's guidance comes from, for people (a citation). */
  source?: string;
  /** Scope names where the rule applies; "~name" excludes. See SCOPE_NAMES. */
  scope?: string[];
  when?: ContextCondition[];
  unless?: ContextCondition[];
  /** Phrases that contain a match but are fine (proper names: "Office of the Third Sector"). */
  exceptions?: string[];
  /** Match letter case exactly (default: case-insensitive). */
  caseSensitive?: boolean;
  position?: Position;
  examples?: Examples;
}

export interface SubstitutionRule extends RuleCommon {
  kind: 'substitution';
  /** Term (phrase or /regex/) -> preferred wording. */
  swap: Record<string, string>;
}

export interface ExistenceRule extends RuleCommon {
  kind: 'existence';
  terms: string[];
}

export interface ConsistencyRule extends RuleCommon {
  kind: 'consistency';
  /** Groups of interchangeable forms; a document should use one form of each group. */
  variants: string[][];
}

export interface AcronymRule extends RuleCommon {
  kind: 'acronym';
  /** Acronyms well enough known to need no definition (UK, NHS, ...). */
  known: string[];
  /** Message when the definition comes after the first use (default: `message`). */
  lateMessage?: string;
}

export interface NearMissRule extends RuleCommon {
  kind: 'near-miss';
  terms: string[];
  /** Largest Damerau-Levenshtein distance that counts as a near miss (default depends on length). */
  maxDistance?: number;
  /** Word sequences that are close to a term but correct words of their own. */
  ignore?: string[];
}

export type Rule = SubstitutionRule | ExistenceRule | ConsistencyRule | AcronymRule | NearMissRule;

export interface PackSource {
  title?: string;
  url: string;
}

export interface Pack {
  name: string;
  description?: string;
  sources: PackSource[];
  rules: Rule[];
  /** Where the pack was read from (a path, or "bundled:<name>"). */
  origin: string;
}

/** Every placeholder a message template may use, by kind. */
export const MESSAGE_PLACEHOLDERS: Record<RuleKind, readonly string[]> = {
  substitution: ['actual', 'expected'],
  existence: ['actual'],
  consistency: ['actual', 'expected', 'count', 'expectedCount'],
  acronym: ['actual', 'line', 'hint'],
  'near-miss': ['actual', 'expected', 'distance'],
};
