// Parsing and validating .canvass.yaml: the YAML parser and schema, loaded only when a config
// file exists. Problems are located at file:line:col, as for rule packs.

import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { issuesToProblems, isRecord, LocatedError, mustBe, oneOf, parseLocatedYaml, show } from '../yaml/located.js';
import { defaultConfig, RULE_SETTINGS, type Config } from './config.js';

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
    frame: z.string({ error: mustBe('frame', 'the name or path of a coding frame') }).min(1).optional(),
  },
  { error: (issue) => `the config must be a mapping (got ${show(issue.input)})` },
);

const CONFIG_KEYS = Object.keys(configSchema.shape);

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
    ...(config.frame ? { frame: config.frame } : {}),
  };
}
