// Which compiled rules apply to a file: its nearest .canvass.yaml (or --config), the packs that
// config names (or --pack), severity overrides. Configs, packs and compiled rule sets are cached,
// so a corpus of thousands of files under one config compiles its rules once.
//
// A pack that fails to load is reported and left out; the file is still linted with the other
// packs ("nothing linted with a broken pack"). If no pack loads, its files are not linted (with a
// problem saying so) rather than reported clean. A config that fails to load leaves its files
// unlinted, with a problem naming the config, since its intent (packs, severities) is unknown.

import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { compileRuleSet, type RuleSet } from '../lint/compile.js';
import { isBundledRef, PackFileUnreadable, resolvePack } from '../packs/load.js';
import { distinctPacks, type NameClash } from '../packs/name-clashes.js';
import type { Pack } from '../packs/types.js';
import { didYouMeanSuffix } from '../yaml/did-you-mean.js';
import { LocatedError, PACK_OPTION, type LocatedProblem } from '../yaml/located-error.js';
import { configIgnores } from './config-ignores.js';
import { ConfigFileUnreadable, defaultConfig, findConfigFile, loadConfigFile, type Config } from './config.js';

export interface ResolvedRules {
  config: Config | undefined;
  ruleSet: RuleSet | undefined;
  /** Why the file cannot be linted (its config is broken), if so. */
  blocked?: string;
  /**
   * The config file (absolute path) whose `ignore` globs leave out this path (absolute), if they
   * do: callers name it when a folder is left empty. A default config ignores nothing.
   */
  ignoredBy(absPath: string): string | undefined;
}

export interface ResolverOptions {
  cwd: string;
  /** --config: one config for every file. */
  configPath?: string;
  /** --pack: these packs instead of the config's, resolved from cwd. */
  packs?: string[];
}

export class RuleSetResolver {
  /** Config and pack problems met so far, each once. */
  readonly problems: LocatedProblem[] = [];
  private readonly seenProblems = new Set<string>();
  private readonly resolved = new Map<string, Promise<ResolvedRules>>();
  private readonly packs = new Map<string, Promise<Pack | undefined>>();
  /** Folder -> its nearest config file: thousands of files share a few folders. */
  private readonly configOfDir = new Map<string, string | undefined>();

  constructor(private readonly options: ResolverOptions) {}

  /** Rules for a file (absolute path), or for stdin when `absPath` is undefined. */
  forFile(absPath: string | undefined): Promise<ResolvedRules> {
    const startDir = absPath ? dirname(absPath) : this.options.cwd;
    let configPath: string | undefined;
    if (this.options.configPath) configPath = resolve(this.options.cwd, this.options.configPath);
    else if (this.configOfDir.has(startDir)) configPath = this.configOfDir.get(startDir);
    else {
      configPath = findConfigFile(startDir);
      this.configOfDir.set(startDir, configPath);
    }
    const key = configPath ?? `<default>`;
    let entry = this.resolved.get(key);
    if (!entry) {
      entry = this.resolve(configPath);
      this.resolved.set(key, entry);
    }
    return entry;
  }

  /**
   * The rules of the first of these files (absolute paths) whose rules load: a broken config or
   * pack leaves its files without rules, and the next file's may still load.
   */
  async firstRuleSet(absPaths: Iterable<string>): Promise<RuleSet | undefined> {
    for (const path of absPaths) {
      const { ruleSet } = await this.forFile(path);
      if (ruleSet) return ruleSet;
    }
    return undefined;
  }

  private async resolve(configPath: string | undefined): Promise<ResolvedRules> {
    let config: Config;
    try {
      config = configPath ? await loadConfigFile(configPath) : defaultConfig(this.options.cwd);
    } catch (error) {
      const unreadable = error instanceof ConfigFileUnreadable;
      if (unreadable) this.add(error.problem(this.options.configPath !== undefined));
      else this.record(error, configPath ?? '.canvass.yaml');
      const shown = relative(this.options.cwd, configPath ?? '') || configPath;
      const why = unreadable ? 'cannot be read' : 'has errors';
      return { config: undefined, ruleSet: undefined, blocked: `not linted: the configuration ${shown} ${why}`, ignoredBy: () => undefined };
    }
    const refs = this.options.packs ?? config.packs;
    const baseDir = this.options.packs ? this.options.cwd : config.dir;
    const loaded = await Promise.all(refs.map((ref) => this.pack(ref, baseDir, config)));
    const { kept: packs, clashes } = distinctPacks(
      loaded.flatMap((pack, i) => (pack ? [{ ref: refs[i]!, pack }] : [])),
    );
    for (const clash of clashes) await this.recordAtPackRef(clash.later.ref, config, nameClashMessage(clash));
    const ignores = configIgnores(config.dir, config.ignore);
    const ignoredBy = (absPath: string) => (ignores(absPath) ? config.path : undefined);
    if (packs.length === 0 && refs.length > 0) {
      // Every pack failed to load: linting against no rules would report the files as clean.
      const names = refs.join(', ');
      return { config, ruleSet: undefined, blocked: `not linted: no rule pack could be loaded (${names}); see the pack errors`, ignoredBy };
    }
    const ruleSet = compileRuleSet(packs, { severities: config.rules, knownAcronyms: config.acronyms });
    await this.checkRuleKeys(config, ruleSet, refs.filter((_, i) => loaded[i] === undefined));
    return { config, ruleSet, ignoredBy };
  }

  private pack(ref: string, baseDir: string, config: Config): Promise<Pack | undefined> {
    const key = `${baseDir}\0${ref}`;
    let entry = this.packs.get(key);
    if (!entry) {
      entry = resolvePack(ref, baseDir).catch(async (error: unknown) => {
        if (error instanceof LocatedError) this.record(error, ref);
        else if (error instanceof PackFileUnreadable) {
          const from = this.options.packs || !config.path ? 'the current folder' : "the config's folder";
          const message = `cannot read rule pack '${ref}' (${error.path}): ${error.reason}; a pack path is relative to ${from}`;
          await this.recordAtPackRef(ref, config, message);
        } else await this.recordAtPackRef(ref, config, error instanceof Error ? error.message : String(error));
        return undefined;
      });
      this.packs.set(key, entry);
    }
    return entry;
  }

  /** A problem with a pack as named: point at it in the config, or say it came from --pack. */
  private async recordAtPackRef(ref: string, config: Config, message: string): Promise<void> {
    if (this.options.packs || !config.path) {
      this.add({ file: PACK_OPTION, line: 0, column: 0, message });
      return;
    }
    const { parseLocatedYaml } = await import('../yaml/located.js');
    const { yaml } = parseLocatedYaml(await readFile(config.path, 'utf8'), config.path);
    const index = config.packs.indexOf(ref);
    this.add({ file: config.path, ...yaml.position(['packs', index]), message });
  }

  /** A `rules:` key naming no loaded rule or pack is a config error (a typo disables nothing). */
  private async checkRuleKeys(config: Config, ruleSet: RuleSet, failedRefs: readonly string[]): Promise<void> {
    const known = [...ruleSet.knownIds, ...ruleSet.packNames];
    // Keys about packs that are not loaded are not typos when --pack chose other packs for this
    // run, or when the pack failed to load (reported already): a bundled name that failed is
    // that name; a pack file that failed has a name no one knows. When every pack loaded, every
    // pack name is known, and a key about any other pack is a typo.
    const notLoaded = (key: string) => {
      const pack = key.split('/')[0]!;
      return !ruleSet.packNames.has(pack) && (this.options.packs !== undefined || failedRefs.some((ref) => ref === pack || !isBundledRef(ref)));
    };
    const unknown = Object.keys(config.rules).filter(
      (k) => !ruleSet.knownIds.has(k) && !ruleSet.packNames.has(k) && !notLoaded(k),
    );
    if (!unknown.length || !config.path) return;
    const { parseLocatedYaml } = await import('../yaml/located.js');
    const { yaml } = parseLocatedYaml(await readFile(config.path, 'utf8'), config.path);
    for (const key of unknown) {
      const at = yaml.position(['rules', key], 'key');
      this.add({
        file: config.path,
        ...at,
        message: `unknown rule '${key}' in 'rules'${didYouMeanSuffix(key, known)}; loaded packs: ${[...ruleSet.packNames].join(', ') || 'none'}`,
      });
    }
  }

  private record(error: unknown, fallbackFile: string): void {
    if (error instanceof LocatedError) for (const p of error.problems) this.add(p);
    else this.add({ file: fallbackFile, line: 1, column: 1, message: error instanceof Error ? error.message : String(error) });
  }

  private add(problem: LocatedProblem): void {
    const key = `${problem.file}:${problem.line}:${problem.column}:${problem.message}`;
    if (this.seenProblems.has(key)) return;
    this.seenProblems.add(key);
    this.problems.push(problem);
  }
}

/** Which two packs share a name, and what to do: the later one is left out meanwhile. */
function nameClashMessage({ later, first }: NameClash): string {
  const shown = (ref: string) => (isBundledRef(ref) ? `the bundled pack '${ref}'` : `the rule pack '${ref}'`);
  // A bundled pack cannot be renamed: the user's own pack must be.
  const own = [later.ref, first.ref].filter((ref) => !isBundledRef(ref));
  const rename = own.length === 1 ? `give '${own[0]}' another 'name'` : 'give one of them another \'name\'';
  return (
    `${shown(later.ref)} is named '${later.pack.name}', like ${shown(first.ref)}: rule ids and 'rules' settings ` +
    `cannot tell the two apart; ${rename}, or use only one (${shown(later.ref)} is left out)`
  );
}
