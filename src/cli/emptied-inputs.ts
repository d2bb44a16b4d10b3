// Folders and globs that a config's `ignore` left nothing of. That is an input error, as when
// --ignore does: a run that lints, extracts or compares nothing by mistake must not pass as clean.
// lint, extract and compare each note the files a config ignored, and report the same problems.

import { allIgnoredMessage, type WalkedInput } from '../ingest/discover.js';
import type { DiscoveryProblem } from '../ingest/source.js';
import { displayPath } from './display-path.js';

export class EmptiedInputs {
  /** Index of a discovered file -> the config (absolute path) that ignored it. */
  private readonly ignoredBy = new Map<number, string>();

  constructor(
    private readonly walked: readonly WalkedInput[],
    private readonly cwd: string,
  ) {}

  /** The file at this index of the discovered files was left out by this config. */
  ignored(index: number, configPath: string): void {
    this.ignoredBy.set(index, configPath);
  }

  /** One problem for each folder or glob none of whose files was kept. */
  problems(): DiscoveryProblem[] {
    const problems: DiscoveryProblem[] = [];
    for (const input of this.walked) {
      if (!input.files.every((i) => this.ignoredBy.has(i))) continue;
      const configs = [...new Set(input.files.map((i) => displayPath(this.cwd, this.ignoredBy.get(i)!)))].sort();
      const by = [...(input.ignoredByOption ? ['--ignore'] : []), `'ignore' in ${andList(configs)}`];
      problems.push({ input: input.input, message: allIgnoredMessage(input.allIgnored, by.join(' and ')) });
    }
    return problems;
  }
}

function andList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
