// The `ignore` globs of a config, relative to its folder: `configIgnores` for the lint rules of a
// config, `ConfigIgnores` for commands that use no rules (extract): the bundled corpus's config
// leaves out its own README, whichever command walks the folder.

import { dirname, relative } from 'node:path';
import { ignoreMatcher } from '../ingest/ignore.js';
import { LocatedError, type LocatedProblem } from '../yaml/located-error.js';
import { ConfigFileUnreadable, findConfigFile, loadConfigFile } from './config.js';

/**
 * Is a file (absolute path) ignored by these globs, relative to `dir` (the config's folder)?
 * Matched exactly as --ignore is, also for a file outside `dir` (a --config from elsewhere):
 * a name pattern ("drafts", "*.old.txt") matches at any depth, a path pattern reaches the file
 * as written from `dir` ("../responses/drafts").
 */
export function configIgnores(dir: string, patterns: string[]): (absPath: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matcher = ignoreMatcher(patterns);
  return (absPath) => matcher.file(relative(dir, absPath).split('\\').join('/'));
}

export class ConfigIgnores {
  private readonly configOfDir = new Map<string, string | undefined>();
  private readonly matchers = new Map<string, Promise<((absPath: string) => boolean) | undefined>>();
  /** What is wrong with configs that could not be read or are invalid: their files are not ignored. */
  readonly problems: LocatedProblem[] = [];

  /**
   * The nearest config of `absPath` (absolute path) when its `ignore` leaves the file out, else
   * undefined: the caller names it when a folder is left empty. (Explicitly named files are the
   * caller's call.)
   */
  async ignoredBy(absPath: string): Promise<string | undefined> {
    const dir = dirname(absPath);
    if (!this.configOfDir.has(dir)) this.configOfDir.set(dir, findConfigFile(dir));
    const configPath = this.configOfDir.get(dir);
    if (!configPath) return undefined;
    let entry = this.matchers.get(configPath);
    if (!entry) {
      entry = loadConfigFile(configPath).then(
        (config) => configIgnores(config.dir, config.ignore),
        (error: unknown) => {
          if (error instanceof ConfigFileUnreadable) this.problems.push(error.problem(false));
          else if (error instanceof LocatedError) this.problems.push(...error.problems);
          else this.problems.push({ file: configPath, line: 0, column: 0, message: String(error) });
          return undefined;
        },
      );
      this.matchers.set(configPath, entry);
    }
    const ignores = await entry;
    return ignores?.(absPath) ? configPath : undefined;
  }
}
