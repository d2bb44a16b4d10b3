// Coding frames: themes defined by terms, for counting the passages that speak of each theme.
// A frame is a YAML file (format in docs/themes.md); terms match as in rule packs (phrases with
// inflections, hyphen = space, case-insensitive, or /regex/). Problems are located at
// file:line:col, like packs and config.

import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { describeFsError } from '../ingest/source.js';
import { packageRoot } from '../packs/load.js';
import { termProblem } from '../packs/schema.js';
import { LocatedError } from '../yaml/located-error.js';
import { issuesToProblems, isRecord, mustBe, parseLocatedYaml } from '../yaml/located.js';

export interface Theme {
  key: string;
  label: string;
  description?: string;
  terms: string[];
}

export interface Frame {
  name: string;
  description?: string;
  themes: Theme[];
  origin: string;
}

const KEY = /^[a-z0-9][a-z0-9-]*$/;

const themeSchema = z.strictObject({
  key: z.string({ error: mustBe('key', 'a string') }).regex(KEY, { error: "'key' must be lower case letters, digits and hyphens" }),
  label: z.string({ error: mustBe('label', 'a string') }).min(1, { error: "'label' must not be empty" }),
  description: z.string({ error: mustBe('description', 'a string') }).optional(),
  terms: z
    .array(z.string({ error: mustBe('terms', 'a list of strings') }).min(1), { error: mustBe('terms', 'a list of strings') })
    .min(1, { error: "'terms' must not be empty" }),
});

const frameSchema = z.strictObject({
  name: z.string({ error: mustBe('name', 'a string') }).min(1),
  description: z.string({ error: mustBe('description', 'a string') }).optional(),
  themes: z.array(themeSchema, { error: mustBe('themes', 'a list of themes') }).min(1, { error: "'themes' must not be empty" }),
});

const FRAME_KEYS = Object.keys(frameSchema.shape);
const THEME_KEYS = Object.keys(themeSchema.shape);

export function parseFrame(yamlText: string, origin: string): Frame {
  const { yaml, data } = parseLocatedYaml(yamlText, origin);
  yaml.throwIfProblems();
  const result = frameSchema.safeParse(data ?? null);
  if (!result.success) {
    yaml.addAll(
      issuesToProblems(result.error.issues, data, {
        describe: (path) => (path.length >= 2 && path[0] === 'themes' ? `theme ${Number(path[1]) + 1}` : 'frame'),
        keysAt: (path) => (path[0] === 'themes' ? THEME_KEYS : FRAME_KEYS),
      }),
    );
  }
  // Terms as in packs; keys unique.
  if (isRecord(data) && Array.isArray(data.themes)) {
    const seen = new Map<string, number>();
    data.themes.forEach((theme: unknown, i: number) => {
      if (!isRecord(theme)) return;
      if (typeof theme.key === 'string') {
        if (seen.has(theme.key)) yaml.add(['themes', i, 'key'], `duplicate theme key '${theme.key}' (first used by theme ${seen.get(theme.key)! + 1})`);
        else seen.set(theme.key, i);
      }
      if (Array.isArray(theme.terms)) {
        theme.terms.forEach((term: unknown, k: number) => {
          const message = typeof term === 'string' ? termProblem(term, 'terms') : undefined;
          if (message) yaml.add(['themes', i, 'terms', k], message);
        });
      }
    });
  }
  yaml.throwIfProblems();
  if (!result.success) throw new LocatedError(yaml.problems);
  return { ...result.data, origin };
}

/** A frame by name (bundled, in frames/) or path. */
export async function loadFrame(ref: string, cwd: string): Promise<Frame> {
  const bundled = !/[\\/]/.test(ref) && !/\.ya?ml$/i.test(ref);
  const path = bundled ? join(packageRoot(), 'frames', `${ref}.yaml`) : resolve(cwd, ref);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const why = bundled
      ? `not a bundled coding frame (bundled: ${bundledFrames().join(', ') || 'none'}); for your own, give the path of its .yaml file`
      : `cannot read the coding frame: ${describeFsError(error)}`;
    throw new LocatedError([{ file: bundled ? ref : path, line: 0, column: 0, message: why }]);
  }
  return parseFrame(text, bundled ? `frames/${ref}.yaml` : ref);
}

/** Names of the bundled frames (frames/*.yaml), sorted. */
function bundledFrames(): string[] {
  const dir = join(packageRoot(), 'frames');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort() : [];
}
