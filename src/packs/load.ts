// Rule packs from YAML text, files, and the bundled rules/ folder, validated into Pack objects.

import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** Reads and validates a pack file; an unreadable file is a LocatedError at 1:1 too. */
export async function loadPackFile(path: string): Promise<Pack> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new LocatedError([{ file: path, line: 1, column: 1, message: `cannot read rule pack: ${(error as Error).message}` }]);
  }
  return parsePack(text, path);
}

/**
 * The repo's rules/ folder: the nearest folder above this module with a package.json (the package
 * root, whether running from src/ or dist/src/, or installed under node_modules).
 */
export function bundledPacksDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  let dir = here;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return resolve(here, '..', '..', 'rules');
    dir = parent;
  }
  return join(dir, 'rules');
}

/** Names of the bundled packs (rules/*.yaml), sorted. */
export function listBundledPacks(): string[] {
  const dir = bundledPacksDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** True when `ref` names a bundled pack rather than a file: no folder, no YAML extension. */
export function isBundledRef(ref: string): boolean {
  return !/[\\/]/.test(ref) && !/\.ya?ml$/i.test(ref);
}

/**
 * A pack by reference as written in the config: a bundled pack name, or a path relative to
 * `baseDir`. Bundled packs get origin "bundled:<name>"; their problems still name the file.
 */
export async function resolvePack(ref: string, baseDir: string): Promise<Pack> {
  if (!isBundledRef(ref)) return loadPackFile(resolve(baseDir, ref));
  const available = listBundledPacks();
  if (!available.includes(ref)) {
    const list = available.length > 0 ? `available packs: ${available.join(', ')}` : 'no packs are bundled';
    throw new Error(`unknown rule pack '${ref}' (${list}; a pack file path needs a / or a .yaml extension)`);
  }
  const pack = await loadPackFile(join(bundledPacksDir(), `${ref}.yaml`));
  return { ...pack, origin: `bundled:${ref}` };
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
