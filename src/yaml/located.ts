// YAML files whose problems are reported at file:line:col, shared by rule packs and the config.
// Validation runs on plain data (doc.toJS()); problems carry the key path of the offending value,
// and the path is mapped back to the YAML node to find its line and column.

import { CST, isAlias, isMap, isScalar, isSeq, LineCounter, Parser, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { didYouMean, didYouMeanSuffix } from './did-you-mean.js';

export { formatProblem, LocatedError, type LocatedProblem } from './located-error.js';
import { LocatedError, type LocatedProblem } from './located-error.js';

/** Keys and indexes from the document root to a node, as in the data from doc.toJS(). */
export type YamlPath = readonly (string | number)[];

/** Point at the value found at a path, or at its key (for unknown or duplicate keys). */
export type Target = 'value' | 'key';

/** A problem not yet located: the path of the node it is about. */
export interface PathProblem {
  path: YamlPath;
  message: string;
  target?: Target;
}

/** A parsed YAML file that turns key paths into file positions. */
export class LocatedYaml {
  readonly problems: LocatedProblem[] = [];

  constructor(
    readonly file: string,
    readonly doc: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  /** Position of the node at `path`; for a missing key, the mapping that lacks it. */
  position(path: YamlPath, target: Target = 'value'): { line: number; column: number } {
    const found = findNode(this.doc, path);
    const node = target === 'key' && found.key ? found.key : found.node;
    const offset = node && hasRange(node) ? node.range[0] : 0;
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }

  add(path: YamlPath, message: string, target: Target = 'value'): void {
    this.problems.push({ file: this.file, ...this.position(path, target), message });
  }

  addAll(problems: readonly PathProblem[]): void {
    for (const p of problems) this.add(p.path, p.message, p.target);
  }

  /** Throws every problem collected so far, in file order. */
  throwIfProblems(): void {
    if (this.problems.length === 0) return;
    const sorted = this.problems
      .map((p, i) => ({ p, i }))
      .sort((a, b) => a.p.line - b.p.line || a.p.column - b.p.column || a.i - b.i)
      .map(({ p }) => p);
    throw new LocatedError(sorted);
  }
}

/**
 * Parses YAML keeping positions. Syntax errors are collected as problems: callers should stop
 * before validating, since the structure after a syntax error is unreliable.
 */
export function parseLocatedYaml(text: string, file: string): { yaml: LocatedYaml; data: unknown } {
  // A BOM would shift every column of line 1 by one.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  // prettyErrors off: we want the bare reason, and position it ourselves.
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const yaml = new LocatedYaml(file, doc, lineCounter);
  const openers = doc.errors.length > 0 ? unclosedBrackets(source) : [];
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const opener = openerOf(error.message, error.pos[0], openers);
    if (opener) {
      // The parser notices a missing bracket only where the text goes on without it: point at
      // the bracket that was opened, which is what the writer has to look at.
      const at = lineCounter.linePos(opener.offset);
      const closer = opener.bracket === '{' ? '}' : ']';
      const what = opener.bracket === '{' ? 'a flow map' : 'a flow sequence';
      yaml.problems.push({
        file,
        line: at.line,
        column: at.col,
        message: `YAML syntax error: this '${opener.bracket}' is never closed: ${what} must end with '${closer}' (the parser stopped at line ${line}, column ${col})`,
      });
      continue;
    }
    yaml.problems.push({ file, line, column: col, message: `YAML syntax error: ${error.message}` });
  }
  let data: unknown = null;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS();
    } catch (error) {
      // toJS throws for things such as too many alias expansions.
      yaml.problems.push({ file, line: 1, column: 1, message: `YAML error: ${(error as Error).message}` });
    }
  }
  return { yaml, data };
}

interface Opener {
  offset: number;
  bracket: '{' | '[';
}

/** Flow collections ('{…}', '[…]') that the YAML text opens and never closes, in file order. */
function unclosedBrackets(source: string): Opener[] {
  const found: Opener[] = [];
  for (const token of new Parser().parse(source)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const node of [item.key, item.value]) {
        if (node?.type !== 'flow-collection') continue;
        if (node.end.some((t) => t.type === 'flow-map-end' || t.type === 'flow-seq-end')) continue;
        found.push({ offset: node.offset, bracket: node.start.source === '{' ? '{' : '[' });
      }
    });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/**
 * The unclosed bracket a "must end with a }" error is about: the last of its kind opened before
 * the error. Each bracket answers one error (a nested pair gives two). Undefined for other errors.
 */
function openerOf(message: string, errorOffset: number, openers: Opener[]): Opener | undefined {
  const closer = /end with an? ([}\]])$/.exec(message)?.[1];
  if (!closer) return undefined;
  const bracket = closer === '}' ? '{' : '[';
  for (let i = openers.length - 1; i >= 0; i--) {
    const opener = openers[i]!;
    if (opener.bracket === bracket && opener.offset < errorOffset) return openers.splice(i, 1)[0];
  }
  return undefined;
}

interface Ranged {
  range: [number, number, number];
}

function hasRange(node: unknown): node is Ranged {
  return typeof node === 'object' && node !== null && Array.isArray((node as { range?: unknown }).range);
}

/**
 * The node at `path` and the key node of its pair. Walks as deep as the path exists: for a
 * missing key the result is the mapping that lacks it.
 */
export function findNode(doc: Document, path: YamlPath): { node: unknown; key: unknown } {
  let node: unknown = doc.contents;
  let key: unknown = undefined;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return { node, key: undefined };
      key = pair.key;
      // `key:` with nothing after it has no value node, or an empty one: point at the key.
      const empty = isScalar(pair.value) && pair.value.value === null && pair.value.range?.[0] === pair.value.range?.[1];
      node = pair.value && !empty ? pair.value : pair.key;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      key = undefined;
      node = node.items[segment];
    } else {
      return { node, key: undefined };
    }
  }
  return { node, key };
}

/** The value at `path` in plain data, or undefined. */
export function valueAt(data: unknown, path: YamlPath): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// --- Messages --------------------------------------------------------------------------------

/** A value as quoted in messages: strings in quotes, containers by their kind. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return Object.keys(value).length === 0 ? 'an empty mapping' : 'a mapping';
  return String(value);
}

type IssueLike = { input?: unknown };

/** Zod error function: "'field' must be <description> (got x)". */
export function mustBe(field: string, description: string): (issue: IssueLike) => string {
  return (issue) => `'${field}' must be ${description}${issue.input === undefined ? '' : ` (got ${show(issue.input)})`}`;
}

/** Zod error function for an enum: lists the allowed values and suggests the closest. */
export function oneOf(
  field: string,
  allowed: readonly string[],
  subject = `'${field}'`,
): (issue: IssueLike) => string {
  return (issue) => {
    const got = issue.input;
    const suggestion = typeof got === 'string' ? didYouMean(got, allowed) : undefined;
    const hint = suggestion === undefined ? '' : `; did you mean '${suggestion}'?`;
    return `${subject} must be one of ${allowed.join(', ')} (got ${show(got)}${hint})`;
  };
}

// --- Zod issues to problems ----------------------------------------------------------------

/** What the issue mapping needs to know about the format being validated. */
export interface SchemaInfo {
  /** The mapping at `path`, for messages: "pack", "rule 'x'", "examples". */
  describe(path: YamlPath): string;
  /** Keys allowed in the mapping at `path` (for did-you-mean). */
  keysAt(path: YamlPath): readonly string[];
  /** A better message for an unknown key than the generic one, if there is one. */
  unknownKey?(path: YamlPath, key: string): string | undefined;
  /** Message for a value of a discriminator key (a rule's kind) that matches no option. */
  badDiscriminator?(path: YamlPath, value: unknown, options: readonly string[]): string;
}

/**
 * Our wording for zod's issues. Schemas carry their own messages (mustBe, oneOf); this handles
 * what they cannot say: missing keys, unknown keys, and which branch of a union was meant.
 */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  info: SchemaInfo,
  prefix: YamlPath = [],
): PathProblem[] {
  const problems: PathProblem[] = [];
  for (const issue of issues) {
    const path: YamlPath = [...prefix, ...(issue.path as (string | number)[])];
    const parentPath = path.slice(0, -1);
    const last = path[path.length - 1];
    const parent = valueAt(data, parentPath);
    const missing = typeof last === 'string' && isRecord(parent) && !Object.hasOwn(parent, last);

    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const message =
          info.unknownKey?.(path, key) ??
          `unknown key '${key}' in ${info.describe(path)}${didYouMeanSuffix(key, info.keysAt(path))}`;
        problems.push({ path: [...path, key], message, target: 'key' });
      }
    } else if (missing) {
      problems.push({ path: parentPath, message: `missing required key '${last}' in ${info.describe(parentPath)}` });
    } else if (issue.code === 'invalid_union' && issue.discriminator !== undefined && issue.errors.length === 0) {
      const options = ('options' in issue ? (issue.options ?? []) : []).map(String);
      const value = valueAt(data, path);
      const message =
        info.badDiscriminator?.(path, value, options) ??
        `'${issue.discriminator}' must be one of ${options.join(', ')} (got ${show(value)})`;
      problems.push({ path, message });
    } else if (issue.code === 'invalid_union') {
      // A union of shapes (a condition or a list of them): report inside the branch whose shape
      // the value has, rather than "matches none of the branches".
      const branch = issue.errors.find((errors) => !errors.some((e) => e.path.length === 0 && e.code === 'invalid_type'));
      if (branch) problems.push(...issuesToProblems(branch, data, info, path));
      else problems.push({ path, message: issue.message });
    } else {
      problems.push({ path, message: issue.message });
    }
  }
  return problems;
}
