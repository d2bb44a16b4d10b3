// The .canvass.yaml config: discovery, defaults, and located problems.
// Line and column numbers below were worked out by reading the YAML in each test.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigFileUnreadable, defaultConfig, findConfigFile, loadConfigFile } from '../src/config/config.js';
import { parseConfig } from '../src/config/config-schema.js';
import { LocatedError } from '../src/yaml/located.js';
import { RuleSetResolver } from '../src/config/rule-sets.js';

const root = mkdtempSync(join(tmpdir(), 'canvass-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder under the temp root with these files (path -> content). */
function tree(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

function problems(text: string): [number, number, string][] {
  try {
    parseConfig(text, 'project/.canvass.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(LocatedError);
    return (error as LocatedError).problems.map((p) => {
      expect(p.file).toBe('project/.canvass.yaml');
      return [p.line, p.column, p.message];
    });
  }
  throw new Error('expected the config to be rejected');
}

describe('findConfigFile', () => {
  it('walks up from the start folder to the nearest config', () => {
    const dir = tree('walk', { '.canvass.yaml': 'packs: [third-sector]\n', 'a/b/c/response.md': 'text\n' });
    expect(findConfigFile(join(dir, 'a', 'b', 'c'))).toBe(join(dir, '.canvass.yaml'));
    expect(findConfigFile(dir)).toBe(join(dir, '.canvass.yaml'));
  });

  it('prefers the nearer folder, and .yaml over .yml in the same folder', () => {
    const dir = tree('nearest', {
      '.canvass.yaml': '',
      'sub/.canvass.yml': '',
      'both/.canvass.yaml': '',
      'both/.canvass.yml': '',
    });
    expect(findConfigFile(join(dir, 'sub'))).toBe(join(dir, 'sub', '.canvass.yml'));
    expect(findConfigFile(join(dir, 'both'))).toBe(join(dir, 'both', '.canvass.yaml'));
  });

  it.skipIf(process.platform === 'win32')('takes a link to a config, and a broken link, which then cannot be read, over a config above', async () => {
    const dir = tree('linked', { '.canvass.yaml': 'packs: [third-sector]\n', 'shared/house.yaml': 'packs: [uk-spelling]\n', 'a/x.md': '', 'b/x.md': '' });
    symlinkSync(join(dir, 'shared', 'house.yaml'), join(dir, 'a', '.canvass.yaml'));
    symlinkSync(join(dir, 'shared', 'gone.yaml'), join(dir, 'b', '.canvass.yaml'));
    expect(findConfigFile(join(dir, 'a'))).toBe(join(dir, 'a', '.canvass.yaml'));
    expect(findConfigFile(join(dir, 'b'))).toBe(join(dir, 'b', '.canvass.yaml'));
    const error = await loadConfigFile(join(dir, 'b', '.canvass.yaml')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigFileUnreadable);
    expect((error as ConfigFileUnreadable).reason).toBe('no such file or directory (ENOENT)');
  });

  it('falls back to .canvass.yml', () => {
    const dir = tree('yml', { '.canvass.yml': 'packs: [uk-spelling]\n', 'docs/x.md': '' });
    expect(findConfigFile(join(dir, 'docs'))).toBe(join(dir, '.canvass.yml'));
  });

  it('ignores a folder named like a config file', () => {
    const dir = tree('folder', { '.canvass.yaml/inner.txt': '', 'x/y.md': '' });
    const found = findConfigFile(join(dir, 'x'));
    expect(found === undefined || !found.startsWith(dir)).toBe(true);
  });
});

describe('defaults', () => {
  it('uses the third-sector pack and nothing else', () => {
    expect(defaultConfig(root)).toStrictEqual({
      dir: root,
      packs: ['third-sector'],
      rules: {},
      ignore: [],
      acronyms: [],
    });
  });

  it('treats an empty config file as all defaults', () => {
    const config = parseConfig('# nothing yet\n', 'project/.canvass.yaml');
    expect(config).toStrictEqual({
      path: 'project/.canvass.yaml',
      dir: resolve('project'),
      packs: ['third-sector'],
      rules: {},
      ignore: [],
      acronyms: [],
    });
  });

  it('fills missing keys with defaults', () => {
    const config = parseConfig('acronyms: [CYPP]\n', 'project/.canvass.yaml');
    expect(config.packs).toEqual(['third-sector']);
    expect(config.acronyms).toEqual(['CYPP']);
  });
});

describe('parseConfig', () => {
  it('reads every key', async () => {
    const dir = tree('full', {
      '.canvass.yaml': `packs: [third-sector, uk-spelling, ./my-rules.yaml]
rules:
  third-sector/voluntary-for-third: error
  uk-spelling: off
ignore: ["drafts/**", "*.bak.md"]
acronyms: [CYPP, LSCB]
`,
    });
    const path = join(dir, '.canvass.yaml');
    expect(await loadConfigFile(path)).toStrictEqual({
      path,
      dir,
      packs: ['third-sector', 'uk-spelling', './my-rules.yaml'],
      rules: { 'third-sector/voluntary-for-third': 'error', 'uk-spelling': 'off' },
      ignore: ['drafts/**', '*.bak.md'],
      acronyms: ['CYPP', 'LSCB'],
    });
  });

  it('refuses a config that is not UTF-8, at the first byte that is not', async () => {
    const dir = tree('cp1252', { 'placeholder.txt': '' });
    const path = join(dir, '.canvass.yaml');
    // "acronyms: [CAFÉ]" saved as Windows-1252: É is the byte 0xC9, after 15 characters of line 2.
    writeFileSync(path, Buffer.concat([Buffer.from('packs: [third-sector]\nacronyms: [CAF'), Buffer.from([0xc9]), Buffer.from(']\n')]));
    const error = await loadConfigFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocatedError);
    expect((error as LocatedError).problems).toEqual([
      { file: path, line: 2, column: 15, message: 'the config file is not valid UTF-8 (byte 0xC9); save it as UTF-8' },
    ]);
  });

  it('locates a bad severity at its value, with a did-you-mean', () => {
    const yaml = `packs: [third-sector]
rules:
  third-sector/voluntary-for-third: eror
  uk-spelling: off
`;
    expect(problems(yaml)).toEqual([
      [3, 37, "a rule setting must be one of error, warning, suggestion, off (got 'eror'; did you mean 'error'?)"],
    ]);
  });

  it('locates an unknown key at the key, with a did-you-mean', () => {
    const yaml = `packs: [third-sector]
ignor: ["drafts/**"]
`;
    expect(problems(yaml)).toEqual([[2, 1, "unknown key 'ignor' in config (did you mean 'ignore'?)"]]);
  });

  it('reports every problem: types, rule keys, syntax of values', () => {
    const yaml = `packs: third-sector
rules:
  Third_Sector: off
  uk-spelling: false
acronyms: [CYPP, 3]
`;
    const found = problems(yaml);
    expect(found.map(([line, column]) => [line, column])).toEqual([
      [1, 8],
      [3, 3],
      [4, 16],
      [5, 18],
    ]);
    expect(found[0]![2]).toBe("'packs' must be a list of strings (got 'third-sector')");
    expect(found[1]![2]).toContain("'Third_Sector'");
    expect(found[2]![2]).toContain('(got false)');
    expect(found[3]![2]).toBe("'acronyms' must be a list of strings (got 3)");
  });

  it('reports YAML syntax errors at the bracket left open', () => {
    expect(problems('packs: [third-sector\nignore: [drafts]\n')).toEqual([
      [1, 8, "YAML syntax error: this '[' is never closed: a flow sequence must end with ']' (the parser stopped at line 2, column 1)"],
    ]);
    // Other syntax errors keep the parser's own words and position.
    const found = problems('packs: [third-sector]\nignore: a: b\n');
    expect(found).toHaveLength(1);
    expect(found[0]!.slice(0, 2)).toEqual([2, 9]); // at "a: b", the mapping nested in a line
    expect(found[0]![2]).toMatch(/^YAML syntax error: Nested mappings are not allowed/);
  });

  it('an unreadable config file names the file and the reason in words, at no position', async () => {
    const missing = join(root, 'missing', '.canvass.yaml');
    const error = await loadConfigFile(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigFileUnreadable);
    expect((error as ConfigFileUnreadable).path).toBe(missing);
    expect((error as ConfigFileUnreadable).reason).toBe('no such file or directory (ENOENT)');
  });
});

describe('a config file that cannot be read', () => {
  const dir = tree('unreadable-config', { 'docs/a.txt': 'Text.\n', 'folder.yaml/keep': '' });

  it('given with --config: its path, no position, the reason in words and what to do; its files are not linted', async () => {
    for (const [given, reason] of [
      ['nope.yaml', 'no such file or directory (ENOENT)'],
      ['folder.yaml', 'is a directory (EISDIR)'],
    ] as const) {
      const resolver = new RuleSetResolver({ cwd: dir, configPath: given });
      const { ruleSet, blocked } = await resolver.forFile(join(dir, 'docs', 'a.txt'));
      expect(ruleSet).toBeUndefined();
      expect(blocked).toBe(`not linted: the configuration ${given} cannot be read`);
      expect(resolver.problems).toEqual([
        {
          file: join(dir, given),
          line: 0,
          column: 0,
          message: `cannot read config file: ${reason}; give --config the path of a config file, relative to the current folder`,
        },
      ]);
    }
  });

  // Permissions do not bind root (CI runs as root): this runs for everyone else.
  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('found by discovery: says to make it readable', async () => {
    const found = tree('unreadable-found-config', { '.canvass.yaml': 'packs: [third-sector]\n', 'a.txt': 'Text.\n' });
    chmodSync(join(found, '.canvass.yaml'), 0o000);
    try {
      const resolver = new RuleSetResolver({ cwd: found });
      await resolver.forFile(join(found, 'a.txt'));
      expect(resolver.problems).toEqual([
        {
          file: join(found, '.canvass.yaml'),
          line: 0,
          column: 0,
          message: 'cannot read config file: permission denied (EACCES); make it readable, or remove it',
        },
      ]);
    } finally {
      chmodSync(join(found, '.canvass.yaml'), 0o644);
    }
  });
});

describe('RuleSetResolver.firstRuleSet', () => {
  // The read-ahead worker scans with these rules: a broken config in the first folder must not
  // leave the whole run without them.
  const dir = tree('first-rules', {
    'a-broken/.canvass.yaml': 'packs: [./missing.yaml]\n',
    'a-broken/one.txt': 'Text.\n',
    'b-good/.canvass.yaml': 'packs: [third-sector]\n',
    'b-good/two.txt': 'Text.\n',
  });
  const broken = join(dir, 'a-broken', 'one.txt');
  const good = join(dir, 'b-good', 'two.txt');

  it('skips files whose rules do not load and gives the next file\'s rules', async () => {
    const resolver = new RuleSetResolver({ cwd: dir });
    const first = await resolver.firstRuleSet([broken, good]);
    expect(first).toBeDefined();
    expect(first).toBe((await resolver.forFile(good)).ruleSet);
    expect((await resolver.forFile(broken)).ruleSet).toBeUndefined();
    expect(resolver.problems.map((p) => p.message)).toEqual([expect.stringContaining('missing.yaml')]);
  });

  it('gives the first file\'s rules when they load, and none when no file\'s do', async () => {
    const resolver = new RuleSetResolver({ cwd: dir });
    expect(await resolver.firstRuleSet([good, broken])).toBe((await resolver.forFile(good)).ruleSet);
    expect(await resolver.firstRuleSet([broken])).toBeUndefined();
    expect(await new RuleSetResolver({ cwd: dir }).firstRuleSet([])).toBeUndefined();
  });
});

describe('a pack file that cannot be read', () => {
  // Where the pack is named is the place to fix: the config's line, or --pack.
  const dir = tree('unreadable-pack', {
    '.canvass.yaml': '# local rules\npacks:\n  - third-sector\n  - ./packs/missing.yaml\n',
    'packs/folder.yaml/keep': '',
    'a.txt': 'Text.\n',
  });

  it("is reported at the config line that names it, with the file it looked for; the other packs still apply", async () => {
    const resolver = new RuleSetResolver({ cwd: dir });
    const { ruleSet } = await resolver.forFile(join(dir, 'a.txt'));
    expect([...ruleSet!.packNames]).toEqual(['third-sector']);
    expect(resolver.problems).toEqual([
      {
        file: join(dir, '.canvass.yaml'),
        line: 4,
        column: 5,
        message: `cannot read rule pack './packs/missing.yaml' (${join(dir, 'packs', 'missing.yaml')}): no such file or directory (ENOENT); a pack path is relative to the config's folder`,
      },
    ]);
  });

  it('is reported against --pack, relative to the current folder', async () => {
    const resolver = new RuleSetResolver({ cwd: join(dir, 'packs'), packs: ['folder.yaml'] });
    const { ruleSet, blocked } = await resolver.forFile(join(dir, 'a.txt'));
    expect(ruleSet).toBeUndefined();
    expect(blocked).toBe('not linted: no rule pack could be loaded (folder.yaml); see the pack errors');
    expect(resolver.problems).toEqual([
      {
        file: '--pack',
        line: 0,
        column: 0,
        message: `cannot read rule pack 'folder.yaml' (${join(dir, 'packs', 'folder.yaml')}): is a directory (EISDIR); a pack path is relative to the current folder`,
      },
    ]);
  });
});

describe('two packs with one name', () => {
  // Rule ids, `rules` settings and directives name a pack by its name: two packs called 'x'
  // would be indistinguishable, so the later one is left out and the config is in error.
  const pack = (name: string, word: string) =>
    `name: ${name}\nrules:\n  - id: word\n    kind: existence\n    severity: error\n    message: "'{{actual}}' (${word})"\n    terms: [${word}]\n`;
  const dir = tree('pack-name-clash', {
    '.canvass.yaml': 'packs:\n  - rules/a.yaml\n  - ./rules/a.yaml\n  - rules/b.yaml\n',
    'rules/a.yaml': pack('x', 'alpha'),
    'rules/b.yaml': pack('x', 'beta'),
    'rules/spelling.yaml': pack('uk-spelling', 'gamma'),
    'a.txt': 'Text.\n',
  });

  it('is reported at the config line naming the later pack, which is left out; the same file named twice is used once', async () => {
    const resolver = new RuleSetResolver({ cwd: dir });
    const { ruleSet } = await resolver.forFile(join(dir, 'a.txt'));
    expect([...ruleSet!.packNames]).toEqual(['x']);
    // One rule: 'rules/a.yaml' once, 'rules/b.yaml' not at all.
    expect(ruleSet!.rules.map((r) => r.rule.message)).toEqual(["'{{actual}}' (alpha)"]);
    expect(resolver.problems).toEqual([
      {
        file: join(dir, '.canvass.yaml'),
        line: 4,
        column: 5,
        message:
          "the rule pack 'rules/b.yaml' is named 'x', like the rule pack 'rules/a.yaml': rule ids and 'rules' settings cannot tell the two apart; give one of them another 'name', or use only one (the rule pack 'rules/b.yaml' is left out)",
      },
    ]);
  });

  it('a pack file named like a bundled pack is reported against --pack, saying which one to rename', async () => {
    const resolver = new RuleSetResolver({ cwd: dir, packs: ['uk-spelling', 'rules/spelling.yaml'] });
    const { ruleSet } = await resolver.forFile(join(dir, 'a.txt'));
    expect([...ruleSet!.packNames]).toEqual(['uk-spelling']);
    expect(ruleSet!.knownIds.has('uk-spelling/word')).toBe(false);
    expect(resolver.problems).toEqual([
      {
        file: '--pack',
        line: 0,
        column: 0,
        message:
          "the rule pack 'rules/spelling.yaml' is named 'uk-spelling', like the bundled pack 'uk-spelling': rule ids and 'rules' settings cannot tell the two apart; give 'rules/spelling.yaml' another 'name', or use only one (the rule pack 'rules/spelling.yaml' is left out)",
      },
    ]);
  });
});

describe("'rules' keys that name no loaded rule or pack", () => {
  const house = 'name: house\nrules:\n  - id: council\n    kind: existence\n    severity: error\n    message: "\'{{actual}}\'"\n    terms: [local authority]\n';
  const configText = 'packs: [third-sector, rules/house.yaml]\nrules:\n  thrid-sector/non-profit: off\n  house/council: warning\n';
  const dir = tree('rule-keys', {
    'ok/.canvass.yaml': configText,
    'ok/rules/house.yaml': house,
    'ok/a.txt': 'Text.\n',
    // The same config, but its pack file is missing: 'house/council' cannot be checked.
    'missing/.canvass.yaml': configText,
    'missing/a.txt': 'Text.\n',
  });

  it('are reported, with did-you-mean, when a pack is named by path and every pack loaded', async () => {
    const resolver = new RuleSetResolver({ cwd: dir });
    await resolver.forFile(join(dir, 'ok', 'a.txt'));
    expect(resolver.problems).toEqual([
      {
        file: join(dir, 'ok', '.canvass.yaml'),
        line: 3,
        column: 3,
        message: "unknown rule 'thrid-sector/non-profit' in 'rules' (did you mean 'third-sector/non-profit'?); loaded packs: third-sector, house",
      },
    ]);
  });

  it('about a pack file that failed to load are not reported (its name is unknown); the failure is', async () => {
    const resolver = new RuleSetResolver({ cwd: dir });
    await resolver.forFile(join(dir, 'missing', 'a.txt'));
    expect(resolver.problems).toEqual([
      {
        file: join(dir, 'missing', '.canvass.yaml'),
        line: 1,
        column: 23,
        message: `cannot read rule pack 'rules/house.yaml' (${join(dir, 'missing', 'rules', 'house.yaml')}): no such file or directory (ENOENT); a pack path is relative to the config's folder`,
      },
    ]);
  });

  it('about packs that --pack left out are not reported', async () => {
    const resolver = new RuleSetResolver({ cwd: dir, packs: ['uk-spelling'] });
    await resolver.forFile(join(dir, 'ok', 'a.txt'));
    expect(resolver.problems).toEqual([]);
  });
});
