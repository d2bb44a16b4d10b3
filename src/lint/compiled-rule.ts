// What compiling a rule produces: a function from a document's context to raw findings.

import type { Rule, Severity } from '../packs/types.js';
import type { DocumentContext, Gate } from './context.js';
import type { Scanner } from './scanner.js';

/** A finding before the engine stamps rule id, severity and line/column on it. */
export interface RawFinding {
  start: number;
  end: number;
  message: string;
  expected?: string;
  fix?: { start: number; end: number; text: string };
}

export type RunRule = (ctx: DocumentContext) => RawFinding[];

export interface CompiledRule {
  /** `<pack>/<rule>` */
  readonly id: string;
  readonly rule: Rule;
  readonly severity: Severity;
  readonly link?: string;
  readonly run: RunRule;
}

/** What a kind's compiler may use: the shared scanner, the rule's gate, config extras. */
export interface CompileEnv {
  /** The rule's full id ("uk-spelling/organise"), as directives name it. */
  readonly ruleId: string;
  readonly scanner: Scanner;
  readonly gate: Gate;
  /** Acronyms the configuration says need no definition. */
  readonly knownAcronyms: readonly string[];
}

/** Display form of matched text: line breaks and runs of spaces read as one space. */
export function displayText(text: string): string {
  return text.replace(/\s+/g, ' ');
}
