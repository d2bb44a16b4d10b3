// The .canvass.yaml config: which packs to use, rule severity overrides, ignored paths, and
// extra known acronyms. Problems are located at file:line:col, as for rule packs.

import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { SEVERITIES } from '../packs/types.js';
import { issuesToProblems, isRecord, LocatedError, mustBe, oneOf, parseLocatedYaml, show } from '../yaml/located.js';

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
}

export const DEFAULT_PACKS: readonly string[] = ['third-sector'];

/** A pack name, or a pack name and rule id. */
const RULE_KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)?$/;

function strings(field: string) {
  const error = mustBe(field, 'a list of strings');
  return z.array(z.string({ error }).min(1, { error: `'${field}' must not contain empty strings` }), { error });
}

const configSchema = z.strictObject(
  {
    packs: strings('packs').optional(),
    rules: z
      .record(z.string(), z.enum(RULE_SETTINGS, { error: oneOf('rules', RULE_SETTINGS, 'a rule setting') }), {
        error: mustBe('rules', 'a mapping of rule or pack to severity'),
      })
      .optional(),
    ignore: strings('ignore').optional(),
    acronyms: strings('acronyms').optional(),
  },
  { error: (issue) => `the config must be a mapping (got ${show(issue.input)})` },
);

const CONFIG_KEYS = Object.keys(configSchema.shape);

/** The config when there is no config file. */
export function defaultConfig(dir: string): Config {
  return { dir: resolve(dir), packs: [...DEFAULT_PACKS], rules: {}, ignore: [], acronyms: [] };
}

/** Validates a config; throws a LocatedError with every problem, located in `path`. */
export function parseConfig(yamlText: string, path: string): Config {
  const { yaml, data } = parseLocatedYaml(yamlText, path);
  yaml.throwIfProblems();
  const defaults = { ...defaultConfig(dirname(resolve(path))), path };
  // An empty file (or only comments) is a config with every default.
  if (data === null || data === undefined) return defaults;

  const result = configSchema.safeParse(data);
  if (!result.success) {
    const info = { describe: () => 'config', keysAt: () => CONFIG_KEYS };
    yaml.addAll(issuesToProblems(result.error.issues, data, info));
  }
  // Key syntax is checked here rather than in the schema so the problem points at the key.
  if (isRecord(data) && isRecord(data.rules)) {
    for (const key of Object.keys(data.rules)) {
      if (!RULE_KEY.test(key)) {
        yaml.add(['rules', key], `'rules' key '${key}' must be a pack name or <pack>/<rule-id>`, 'key');
      }
    }
  }
  yaml.throwIfProblems();
  if (!result.success) throw new LocatedError(yaml.problems);
  const config = result.data;
  return {
    ...defaults,
    packs: config.packs ?? defaults.packs,
    rules: config.rules ?? {},
    ignore: config.ignore ?? [],
    acronyms: config.acronyms ?? [],
  };
}

export async function loadConfigFile(path: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new LocatedError([{ file: path, line: 1, column: 1, message: `cannot read config file: ${(error as Error).message}` }]);
  }
  return parseConfig(text, path);
}

/** The nearest config file: .canvass.yaml, then .canvass.yml, in startDir and each folder above. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
