// The `ignore` globs of each file's .canvass.yaml, for commands that use no rules (extract):
// the bundled corpus's config leaves out its own README, whichever command walks the folder.

import { dirname, relative } from 'node:path';
import { ignoreMatcher, type IgnoreMatcher } from '../ingest/ignore.js';
import { LocatedError, formatProblem } from '../yaml/located-error.js';
import { findConfigFile, loadConfigFile } from './config.js';

export class ConfigIgnores {
  private readonly configOfDir = new Map<string, string | undefined>();
  private readonly matchers = new Map<string, Promise<{ dir: string; matcher: IgnoreMatcher } | undefined>>();
  /** Configs that could not be read: their files are not ignored; say so once. */
  readonly problems: string[] = [];

  /** Is `absPath` ignored by its nearest config? (Explicitly named files are the caller's call.) */
  async ignores(absPath: string): Promise<boolean> {
    const dir = dirname(absPath);
    if (!this.configOfDir.has(dir)) this.configOfDir.set(dir, findConfigFile(dir));
    const configPath = this.configOfDir.get(dir);
    if (!configPath) return false;
    let entry = this.matchers.get(configPath);
    if (!entry) {
      entry = loadConfigFile(configPath).then(
        (config) => (config.ignore.length ? { dir: config.dir, matcher: ignoreMatcher(config.ignore) } : undefined),
        (error: unknown) => {
          this.problems.push(error instanceof LocatedError ? error.problems.map(formatProblem).join('\n') : String(error));
          return undefined;
        },
      );
      this.matchers.set(configPath, entry);
    }
    const found = await entry;
    if (!found) return false;
    const rel = relative(found.dir, absPath).split('\\').join('/');
    return !rel.startsWith('..') && found.matcher.file(rel);
  }
}
