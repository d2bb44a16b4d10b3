// The .canvass.yaml config: which packs to use, rule severity overrides, ignored paths, and
// extra known acronyms. Problems are located at file:line:col, as for rule packs.

import { lstatSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { describeFsError } from '../ingest/source.js';
import { SEVERITIES } from '../packs/types.js';
import type { LocatedProblem } from '../yaml/located-error.js';
import { utf8Text } from '../yaml/utf8-text.js';

export const CONFIG_FILE_NAMES = ['.canvass.yaml', '.canvass.yml'] as const;

export const RULE_SETTINGS = [...SEVERITIES, 'off'] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

export interface Config {
  /** The config file, when there is one. */
  path?: string;
  /** Absolute folder the config's relative paths (packs, ignore globs) are relative to. */
  dir: string;
  /** Bundled pack names or pack file paths relative to `dir`. */
  packs: string[];
  /** `<pack>/<rule-id>` or `<pack>` (all its rules) -> severity override or off. */
  rules: Record<string, RuleSetting>;
  /** Globs of files not to lint, relative to `dir`. */
  ignore: string[];
  /** Acronyms that need no definition, on top of each acronym rule's own. */
  acronyms: string[];
  /** The coding frame `canvass compare` uses when --themes is not given (a bundled name or a path). */
  frame?: string;
}

export const DEFAULT_PACKS: readonly string[] = ['third-sector'];

/** The config when there is no config file. */
export function defaultConfig(dir: string): Config {
  return { dir: resolve(dir), packs: [...DEFAULT_PACKS], rules: {}, ignore: [], acronyms: [] };
}

/** A config file that cannot be read (missing, a folder, not permitted): it has no position to point at. */
export class ConfigFileUnreadable extends Error {
  constructor(
    /** The file, as it was looked for. */
    readonly path: string,
    cause: unknown,
    /** Why: "no such file or directory (ENOENT)". */
    readonly reason = describeFsError(cause),
  ) {
    super(`cannot read config file: ${reason}`);
  }

  /** The problem, at no position (line 0), saying what to do: `named` when it came from --config. */
  problem(named: boolean): LocatedProblem {
    const todo = named ? 'give --config the path of a config file, relative to the current folder' : 'make it readable, or remove it';
    return { file: this.path, line: 0, column: 0, message: `${this.message}; ${todo}` };
  }
}

/** Reads and validates a config: ConfigFileUnreadable, or a LocatedError for what is wrong in it. */
export async function loadConfigFile(path: string): Promise<Config> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ConfigFileUnreadable(path, error);
  }
  const text = utf8Text(bytes, path, 'config file');
  // A valid config is read with js-yaml: one small module, where the \`yaml\` package (which
  // locates errors at line:col) takes ~30 ms to load, a sixth of a one-file lint. Only a file
  // that is not plainly valid goes to the schema (zod, yaml, located errors, did-you-mean).
  const { load, CORE_SCHEMA } = await import('js-yaml');
  let data: unknown;
  try {
    // The YAML 1.2 core schema, as \`yaml\` uses: "yes" stays a string, no timestamps.
    data = load(text, { schema: CORE_SCHEMA, filename: path });
  } catch {
    data = undefined;
  }
  const quick = data === undefined ? undefined : plainlyValid(data, path);
  if (quick) return quick;
  const { parseConfig } = await import('./config-schema.js');
  return parseConfig(text, path);
}

/** The nearest config file: .canvass.yaml, then .canvass.yml, in startDir and each folder above. */
/**
 * A config file is there: a file, or a link to one. A broken link counts too, so that reading it
 * fails with an error: using the config of a folder above instead would lint the folder with
 * rules its own config was meant to replace.
 */
function isConfigFile(candidate: string): boolean {
  const entry = lstatSync(candidate, { throwIfNoEntry: false });
  if (!entry) return false;
  if (!entry.isSymbolicLink()) return entry.isFile();
  try {
    const target = statSync(candidate, { throwIfNoEntry: false });
    return !target || target.isFile();
  } catch {
    return true; // a loop of links: an error when it is read
  }
}

export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (isConfigFile(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const RULE_KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)?$/;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '');

/** The config when `data` has exactly the expected shape; undefined sends it to full validation. */
function plainlyValid(data: unknown, path: string): Config | undefined {
  const defaults = { ...defaultConfig(dirname(resolve(path))), path };
  if (data === null) return defaults;
  if (typeof data !== 'object' || Array.isArray(data)) return undefined;
  const d = data as Record<string, unknown>;
  if (Object.keys(d).some((k) => !['packs', 'rules', 'ignore', 'acronyms', 'frame'].includes(k))) return undefined;
  if (d.frame !== undefined && (typeof d.frame !== 'string' || d.frame === '')) return undefined;
  for (const k of ['packs', 'ignore', 'acronyms']) if (d[k] !== undefined && !isStrings(d[k])) return undefined;
  const rules = d.rules;
  if (rules !== undefined) {
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return undefined;
    for (const [k, v] of Object.entries(rules)) {
      if (!RULE_KEY.test(k) || !(RULE_SETTINGS as readonly unknown[]).includes(v)) return undefined;
    }
  }
  return {
    ...defaults,
    packs: (d.packs as string[] | undefined) ?? defaults.packs,
    rules: (rules as Config['rules'] | undefined) ?? {},
    ignore: (d.ignore as string[] | undefined) ?? [],
    acronyms: (d.acronyms as string[] | undefined) ?? [],
    ...(typeof d.frame === 'string' ? { frame: d.frame } : {}),
  };
}
