// Rule packs: validation problems located at file:line:col, and valid packs normalised.
// Line and column numbers below were worked out by reading the YAML in each test.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bundledPacksDir,
  isBundledRef,
  listBundledPacks,
  loadPackFile,
  PackFileUnreadable,
  resolvePack,
} from '../src/packs/load.js';
import { parsePack } from '../src/packs/parse-pack.js';
import { compileRuleSet } from '../src/lint/compile.js';
import { termProblem } from '../src/packs/schema.js';
import type { Pack } from '../src/packs/types.js';
import { didYouMean } from '../src/yaml/did-you-mean.js';
import { LocatedError, type LocatedProblem } from '../src/yaml/located.js';

/** The problems parsePack reports for `text`, as [line, column, message]. */
function problems(text: string): [number, number, string][] {
  try {
    parsePack(text, 'rules/test.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(LocatedError);
    const list: LocatedProblem[] = (error as LocatedError).problems;
    for (const p of list) expect(p.file).toBe('rules/test.yaml');
    return list.map((p) => [p.line, p.column, p.message]);
  }
  throw new Error('expected the pack to be rejected');
}

describe('parsePack problems', () => {
  it('reports YAML syntax errors at their position, and nothing else', () => {
    const yaml = `name: test
description: a: b
rules: []
`;
    const found = problems(yaml);
    expect(found).toHaveLength(1);
    const [line, column, message] = found[0]!;
    expect([line, column]).toEqual([2, 14]);
    expect(message).toMatch(/^YAML syntax error: /);
    expect(message).toContain('Nested mappings are not allowed');
  });

  it('points at a bracket that is never closed, not where the parser noticed it', () => {
    // Line 5's '{' at column 12 is not closed; the parser stops at the next key, line 6 column 5.
    const yaml = `name: test
rules:
  - id: avoid-foo
    kind: existence
    terms: {foo
    severity: error
    message: Avoid {{actual}}
`;
    expect(problems(yaml)[0]).toEqual([
      5,
      12,
      "YAML syntax error: this '{' is never closed: a flow map must end with '}' (the parser stopped at line 6, column 5)",
    ]);
  });

  it('reports an unknown key at the key, with a did-you-mean', () => {
    const yaml = `name: test
rules:
  - id: avoid-foo
    kind: existence
    message: Avoid {{actual}}
    severity: warning
    terms: [foo]
    sevrity: error
`;
    expect(problems(yaml)).toEqual([[8, 5, "unknown key 'sevrity' in rule 'avoid-foo' (did you mean 'severity'?)"]]);
  });

  it('says when a key belongs to another kind of rule', () => {
    const yaml = `name: test
rules:
  - id: avoid-foo
    kind: existence
    message: Avoid {{actual}}
    severity: warning
    terms: [foo]
    swap: {foo: bar}
  - id: use-bar
    kind: substitution
    message: Use {{expected}}
    severity: warning
    swap: {foo: bar}
    terms: [foo]
`;
    expect(problems(yaml)).toEqual([
      [8, 5, "key 'swap' is not allowed for kind 'existence' (it belongs to substitution)"],
      [14, 5, "key 'terms' is not allowed for kind 'substitution' (it belongs to existence, near-miss)"],
    ]);
  });

  it('reports an unknown kind with a did-you-mean and the allowed kinds', () => {
    const yaml = `name: test
rules:
  - id: use-bar
    kind: substitute
    message: Use {{expected}}
    severity: warning
    swap: {foo: bar}
`;
    expect(problems(yaml)).toEqual([
      [
        4,
        11,
        "unknown kind 'substitute' (did you mean 'substitution'?); allowed kinds: substitution, existence, consistency, acronym, near-miss",
      ],
    ]);
  });

  it('reports values of the wrong type or out of range at the value', () => {
    const yaml = `name: test
rules:
  - id: avoid-foo
    kind: existence
    message: Avoid {{actual}}
    severity: eror
    terms: foo
    case-sensitive: yes
  - id: near-foo
    kind: near-miss
    message: Did you mean {{expected}}?
    severity: warning
    terms: [foo, 3]
    max-distance: 4
    position: middle
`;
    const found = problems(yaml);
    expect(found.map(([line, column]) => [line, column])).toEqual([
      [6, 15],
      [7, 12],
      [8, 21],
      [13, 18],
      [14, 19],
      [15, 15],
    ]);
    const messages = found.map(([, , message]) => message);
    expect(messages[0]).toBe("'severity' must be one of error, warning, suggestion (got 'eror'; did you mean 'error'?)");
    expect(messages[1]).toContain("'terms' must be a list of strings");
    expect(messages[2]).toContain("'case-sensitive' must be true or false (got 'yes')");
    expect(messages[3]).toContain("'terms' must be a list of strings (got 3)");
    expect(messages[4]).toContain("'max-distance' must be a whole number from 1 to 3 (got 4)");
    expect(messages[5]).toContain("'position' must be one of any, mid-sentence, sentence-start (got 'middle')");
    for (const message of messages) expect(message).not.toMatch(/Invalid input|expected string/);
  });

  it('reports a missing required key at the mapping that lacks it', () => {
    const yaml = `description: no name
rules:
  - id: avoid-foo
    kind: existence
    message: Avoid {{actual}}
`;
    const found = problems(yaml);
    expect(found).toHaveLength(3);
    expect(found).toEqual(
      expect.arrayContaining([
        [1, 1, "missing required key 'name' in pack"],
        [3, 5, "missing required key 'severity' in rule 'avoid-foo'"],
        [3, 5, "missing required key 'terms' in rule 'avoid-foo'"],
      ]),
    );
  });

  it('reports an invalid regular expression with the JavaScript reason', () => {
    const yaml = `name: test
rules:
  - id: use-bar
    kind: substitution
    message: Use {{expected}}
    severity: warning
    swap:
      "/(/": bar
      ok: fine
`;
    expect(problems(yaml)).toEqual([[8, 7, "invalid regular expression in 'swap': /(/: Unterminated group"]]);
  });

  it('rejects regex terms with backreferences or that can match empty text', () => {
    const yaml = `name: test
rules:
  - id: doubled
    kind: existence
    message: Doubled {{actual}}
    severity: warning
    terms: [/(\\w+) \\1/, '/(?<w>a)\\k<w>/', /a*/]
`;
    const found = problems(yaml);
    expect(found.map(([line, column]) => [line, column])).toEqual([
      [7, 13],
      [7, 25],
      [7, 43],
    ]);
    expect(found[0]![2]).toContain('backreference');
    expect(found[0]![2]).toContain('/(\\w+) \\1/');
    expect(found[1]![2]).toContain('backreference');
    expect(found[2]![2]).toBe("regular expression in 'terms' can match empty text: /a*/");
  });

  it('rejects named groups, which clash when terms are combined, but not lookbehinds', () => {
    const yaml = `name: test
rules:
  - id: named
    kind: existence
    message: Found {{actual}}
    severity: warning
    terms: ['/(?<w>foo)bar/', '/(?<=the )sector/', '/(?<!non-)profit/', '/[(?<]x/']
    exceptions: ['/(?<w>baz)/']
`;
    // Column 13 opens the first term's quote on line 7; column 18 the exception's on line 8.
    expect(problems(yaml)).toEqual([
      [7, 13, "regular expression in 'terms' names a group: /(?<w>foo)bar/ (terms are combined into one pattern, where two groups of one name clash; write (?:…))"],
      [8, 18, "regular expression in 'exceptions' names a group: /(?<w>baz)/ (terms are combined into one pattern, where two groups of one name clash; write (?:…))"],
    ]);
  });

  it('rejects regex terms that match only empty text through assertions, and keeps those that consume', () => {
    const yaml = `name: test
rules:
  - id: empty
    kind: existence
    message: Found {{actual}}
    severity: warning
    terms:
      - /\\b/
      - /(?=sector)/
      - /\\bx*/
      - /^(?<!a)$/
      - /\\bco-?op\\b/
      - '/(?<![A-Za-z])mutuals(?!s)/'
      - '/[\\b^$]/'
`;
    expect(problems(yaml)).toEqual([
      [8, 9, "regular expression in 'terms' can match empty text: /\\b/"],
      [9, 9, "regular expression in 'terms' can match empty text: /(?=sector)/"],
      [10, 9, "regular expression in 'terms' can match empty text: /\\bx*/"],
      [11, 9, "regular expression in 'terms' can match empty text: /^(?<!a)$/"],
    ]);
  });

  it('rejects a swap that differs only in case in a rule that ignores case, which could never flag', () => {
    const yaml = `name: test
rules:
  - id: capitals
    kind: substitution
    message: Write {{expected}}
    severity: warning
    swap:
      Third Sector: third sector
      Voluntary Sector: third sector
  - id: capitals-kept
    kind: substitution
    message: Write {{expected}}
    severity: warning
    case-sensitive: true
    swap:
      Third Sector: third sector
`;
    // Only line 8's key: line 9 changes the words, and the second rule minds case.
    expect(problems(yaml)).toEqual([
      [
        8,
        7,
        "swap 'Third Sector' -> 'third sector' differs only in letter case, and the rule ignores case, so it can never flag anything: add 'case-sensitive: true' to the rule",
      ],
    ]);
  });

  it('reports a duplicate rule id with the line of the first', () => {
    const yaml = `name: test
rules:
  - id: avoid-foo
    kind: existence
    message: Avoid {{actual}}
    severity: warning
    terms: [foo]
  - id: avoid-foo
    kind: existence
    message: Avoid {{actual}}
    severity: warning
    terms: [bar]
`;
    expect(problems(yaml)).toEqual([[8, 9, "duplicate rule id 'avoid-foo' (first defined at line 3)"]]);
  });

  it('reports placeholders the kind does not provide, in message and late-message', () => {
    const yaml = `name: test
rules:
  - id: use-bar
    kind: substitution
    message: Use {{expected}} not {{foo}}
    severity: warning
    swap: {foo: bar}
  - id: acronyms
    kind: acronym
    message: Define {{actual}}
    late-message: Defined after use at {{lines}}
    severity: suggestion
`;
    expect(problems(yaml)).toEqual([
      [5, 14, 'unknown placeholder {{foo}} in message; allowed for substitution: {{actual}}, {{expected}}'],
      [11, 19, 'unknown placeholder {{lines}} in late-message; allowed for acronym: {{actual}}, {{line}}, {{hint}}'],
    ]);
  });

  it('reports unknown scope names, with or without ~', () => {
    const yaml = `name: test
rules:
  - id: avoid-foo
    kind: existence
    message: Avoid {{actual}}
    severity: warning
    terms: [foo]
    scope: [paragraph, ~headng, tabel]
`;
    expect(problems(yaml)).toEqual([
      [8, 24, "unknown scope 'headng' (did you mean 'heading'?)"],
      [8, 33, "unknown scope 'tabel' (did you mean 'table'?)"],
    ]);
  });

  it('reports problems inside conditions, examples and sources', () => {
    const yaml = `name: test
sources:
  - {title: Guide}
rules:
  - id: avoid-foo
    kind: existence
    message: Avoid {{actual}}
    severity: warning
    terms: [foo]
    when: {near: [bar], within: sentense}
    unless:
      - near: []
        within: paragraph
    examples:
      invalid: [{text: foo, fixd: bar}]
`;
    expect(problems(yaml)).toEqual([
      [3, 5, "missing required key 'url' in source"],
      [10, 33, "'within' must be one of sentence, paragraph, section, document (got 'sentense'; did you mean 'sentence'?)"],
      [12, 15, "'near' must not be an empty list"],
      [15, 29, "unknown key 'fixd' in invalid example (did you mean 'fixed'?)"],
    ]);
  });

  it('reports every problem in a file, in file order', () => {
    const yaml = `name: Bad Name
rules:
  - id: one
    kind: existence
    message: Avoid {{actual}}
    severity: warning
    terms: [foo, "/(/"]
  - id: two
    kind: substitution
    message: Use {{expected}} {{count}}
    severity: warn
    swap: {foo: bar}
    scope: [heading]
    within: paragraph
  - id: one
    kind: consistency
    message: Use one form
    severity: warning
    variants: [[a]]
`;
    const found = problems(yaml);
    expect(found.map(([line, column]) => [line, column])).toEqual([
      [1, 7],
      [7, 18],
      [10, 14],
      [11, 15],
      [14, 5],
      [15, 9],
      [19, 16],
    ]);
    const messages = found.map(([, , message]) => message);
    expect(messages[0]).toContain("'name' must be lowercase letters, digits and hyphens (got 'Bad Name')");
    expect(messages[1]).toContain("invalid regular expression in 'terms': /(/");
    expect(messages[2]).toContain('unknown placeholder {{count}} in message');
    expect(messages[3]).toContain("'severity' must be one of error, warning, suggestion (got 'warn'");
    expect(messages[4]).toContain("unknown key 'within' in rule 'two'");
    expect(messages[5]).toBe("duplicate rule id 'one' (first defined at line 3)");
    expect(messages[6]).toContain("'variants' must be a non-empty list of groups of at least 2 terms");
  });

  it('formats LocatedError.message as file:line:col: message lines', () => {
    const yaml = `name: test
rules:
  - id: avoid-foo
    kind: existence
    message: Avoid {{actual}}
    severity: warning
    terms: [foo]
    sevrity: error
    scope: [headng]
`;
    expect(() => parsePack(yaml, 'my-pack.yaml')).toThrow(
      "my-pack.yaml:8:5: unknown key 'sevrity' in rule 'avoid-foo' (did you mean 'severity'?)\n" +
        "my-pack.yaml:9:13: unknown scope 'headng' (did you mean 'heading'?)",
    );
  });

  it('rejects a document that is not a mapping', () => {
    expect(problems('')).toEqual([[1, 1, "a rule pack must be a mapping with 'name' and 'rules' (got an empty value)"]]);
    expect(problems('- a\n')).toEqual([[1, 1, "a rule pack must be a mapping with 'name' and 'rules' (got a list)"]]);
  });
});

describe('term syntax', () => {
  it('accepts phrases and well-formed regexes', () => {
    expect(termProblem('voluntary sector', 'terms')).toBeUndefined();
    expect(termProblem('/co-?operat(e|ion)/', 'terms')).toBeUndefined();
    // Inside a character class \1 is an escape, and \\1 is a backslash then 1: no backreference.
    expect(termProblem('/a[\\1]/', 'terms')).toBeUndefined();
    expect(termProblem('/a\\\\1/', 'terms')).toBeUndefined();
  });

  it('rejects flags, empty terms, and regexes where only phrases are allowed', () => {
    expect(termProblem('/foo/i', 'terms')).toContain('flags');
    expect(termProblem('  ', 'exceptions')).toBe("empty term in 'exceptions'");
    expect(termProblem('/foo/', 'ignore', false)).toBe("'ignore' takes plain phrases, not regular expressions (got /foo/)");
  });
});

describe('valid packs', () => {
  it('normalises when, examples, sources and renames keys to camelCase', () => {
    const yaml = `name: third-sector
description: Terms for the third sector.
sources:
  - https://www.gov.uk/guidance/style-guide/a-to-z-of-gov-uk-style
  - title: Office of the Third Sector definition
    url: http://www.cabinetoffice.gov.uk/third_sector/about_us.aspx
rules:
  - id: voluntary-for-third
    kind: substitution
    message: "Use '{{expected}}' rather than '{{actual}}'"
    severity: warning
    link: https://example.org/guide
    source: "GOV.UK style guide A to Z"
    scope: [paragraph, list-item, ~heading]
    when:
      near: [social enterprise, /co-?operatives?/]
      within: paragraph
    exceptions: [Office of the Third Sector]
    case-sensitive: false
    position: mid-sentence
    swap: {voluntary sector: third sector}
    examples:
      invalid:
        - "The [[voluntary sector]] and social enterprise."
        - {text: "A [[voluntary sector]] co-operative.", fixed: "A third sector co-operative."}
  - id: cooperation
    kind: consistency
    message: "{{count}} uses of '{{actual}}'"
    severity: suggestion
    variants: [[co-operation, cooperation]]
    unless:
      - {near: [quote], within: sentence}
    examples:
      valid: [co-operation]
  - id: acronyms
    kind: acronym
    message: Define {{actual}}
    late-message: "{{actual}} is defined at line {{line}}"
    severity: suggestion
  - id: misspelt
    kind: near-miss
    message: "Did you mean '{{expected}}'?"
    severity: warning
    terms: [safeguarding]
    max-distance: 2
    ignore: [safe guarding]
  - id: avoid
    kind: existence
    message: Avoid {{actual}}
    severity: error
    terms: [stakeholder]
`;
    const expected: Pack = {
      name: 'third-sector',
      description: 'Terms for the third sector.',
      sources: [
        { url: 'https://www.gov.uk/guidance/style-guide/a-to-z-of-gov-uk-style' },
        {
          title: 'Office of the Third Sector definition',
          url: 'http://www.cabinetoffice.gov.uk/third_sector/about_us.aspx',
        },
      ],
      rules: [
        {
          id: 'voluntary-for-third',
          kind: 'substitution',
          message: "Use '{{expected}}' rather than '{{actual}}'",
          severity: 'warning',
          link: 'https://example.org/guide',
          source: 'GOV.UK style guide A to Z',
          scope: ['paragraph', 'list-item', '~heading'],
          when: [{ near: ['social enterprise', '/co-?operatives?/'], within: 'paragraph' }],
          exceptions: ['Office of the Third Sector'],
          caseSensitive: false,
          position: 'mid-sentence',
          swap: { 'voluntary sector': 'third sector' },
          examples: {
            valid: [],
            invalid: [
              { text: 'The [[voluntary sector]] and social enterprise.' },
              { text: 'A [[voluntary sector]] co-operative.', fixed: 'A third sector co-operative.' },
            ],
          },
        },
        {
          id: 'cooperation',
          kind: 'consistency',
          message: "{{count}} uses of '{{actual}}'",
          severity: 'suggestion',
          variants: [['co-operation', 'cooperation']],
          unless: [{ near: ['quote'], within: 'sentence' }],
          examples: { valid: ['co-operation'], invalid: [] },
        },
        {
          id: 'acronyms',
          kind: 'acronym',
          message: 'Define {{actual}}',
          lateMessage: '{{actual}} is defined at line {{line}}',
          severity: 'suggestion',
          known: [],
        },
        {
          id: 'misspelt',
          kind: 'near-miss',
          message: "Did you mean '{{expected}}'?",
          severity: 'warning',
          terms: ['safeguarding'],
          maxDistance: 2,
          ignore: ['safe guarding'],
        },
        { id: 'avoid', kind: 'existence', message: 'Avoid {{actual}}', severity: 'error', terms: ['stakeholder'] },
      ],
      origin: 'rules/third-sector.yaml',
    };
    const pack = parsePack(yaml, 'rules/third-sector.yaml');
    expect(pack).toStrictEqual(expected);
    // No kebab-case keys survive, and optional keys that were not given are absent.
    expect(Object.keys(pack.rules[0]!)).not.toContain('case-sensitive');
    expect('description' in pack.rules[4]!).toBe(false);
  });
});

describe('pack files and bundled packs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'canvass-packs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const PACK = `name: local
rules:
  - id: avoid-foo
    kind: existence
    message: Avoid {{actual}}
    severity: warning
    terms: [foo]
`;

  it('refuses a pack that is not UTF-8, at the first byte that is not, rather than read its terms garbled', async () => {
    const file = join(dir, 'cp1252.yaml');
    // "café" saved from an old editor: é is the single byte 0xE9, on line 7 after "    terms: [caf".
    writeFileSync(file, Buffer.concat([Buffer.from(PACK.replace('[foo]\n', '[caf'), 'utf8'), Buffer.from([0xe9]), Buffer.from(']\n')]));
    const error = await loadPackFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocatedError);
    expect((error as LocatedError).problems).toEqual([
      { file, line: 7, column: 16, message: 'the rule pack is not valid UTF-8 (byte 0xE9); save it as UTF-8' },
    ]);
    // The same pack in UTF-8, with a byte-order mark, loads.
    writeFileSync(file, '\ufeff' + PACK.replace('[foo]', '[café]'));
    expect((await loadPackFile(file)).rules[0]).toMatchObject({ terms: ['café'] });
  });

  it('loads a pack file, and says why an unreadable one cannot be read, naming it as written', async () => {
    const file = join(dir, 'local.yaml');
    writeFileSync(file, PACK);
    const pack = await loadPackFile(file);
    expect(pack.name).toBe('local');
    expect(pack.origin).toBe(file);

    // Not a position in the pack (it has none): the caller points at where the pack is named.
    const missing = join(dir, 'missing.yaml');
    const error = await resolvePack('./missing.yaml', dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackFileUnreadable);
    expect(error).toMatchObject({ ref: './missing.yaml', path: missing, reason: 'no such file or directory (ENOENT)' });
    expect((error as Error).message).toBe("cannot read rule pack './missing.yaml': no such file or directory (ENOENT)");
  });

  it('resolves a path relative to the base folder', async () => {
    writeFileSync(join(dir, 'mine.yml'), PACK);
    const pack = await resolvePack('./mine.yml', dir);
    expect(pack.name).toBe('local');
    expect(pack.origin).toBe(join(dir, 'mine.yml'));
  });

  it('tells paths from bundled pack names', () => {
    expect(isBundledRef('third-sector')).toBe(true);
    expect(isBundledRef('./third-sector')).toBe(false);
    expect(isBundledRef('packs\\mine')).toBe(false);
    expect(isBundledRef('mine.yaml')).toBe(false);
    expect(isBundledRef('mine.YML')).toBe(false);
  });

  it('names an unknown bundled pack and lists the available ones', async () => {
    const error = await resolvePack('no-such-pack', dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain("unknown rule pack 'no-such-pack'");
    for (const name of listBundledPacks()) expect((error as Error).message).toContain(name);
  });

  it('finds rules/ at the repo root, next to src/', () => {
    expect(bundledPacksDir()).toBe(join(import.meta.dirname, '..', 'rules'));
    for (const name of listBundledPacks()) {
      expect(name).toMatch(/^[a-z0-9-]+$/);
      expect(existsSync(join(bundledPacksDir(), `${name}.yaml`))).toBe(true);
    }
  });
});

describe('didYouMean', () => {
  it('suggests close candidates only', () => {
    expect(didYouMean('sevrity', ['id', 'severity', 'message'])).toBe('severity');
    expect(didYouMean('Severity', ['severity'])).toBe('severity');
    expect(didYouMean('substitute', ['substitution', 'existence'])).toBe('substitution');
    expect(didYouMean('x', ['id'])).toBeUndefined();
    expect(didYouMean('colour', ['severity', 'message'])).toBeUndefined();
    expect(didYouMean('anything', [])).toBeUndefined();
  });
});

describe('a pack named like an object property', () => {
  it("keeps its rules' severities (config overrides are looked up by own keys only)", async () => {
    const pack = parsePack(
      'name: constructor\ndescription: d\nsources: [https://example.org]\nrules:\n  - id: foo\n    kind: existence\n    message: m\n    severity: error\n    terms: [foo]\n',
      'ctor.yaml',
    );
    expect(compileRuleSet([pack]).rules.map((r) => [r.id, r.severity])).toEqual([['constructor/foo', 'error']]);
    expect(compileRuleSet([pack], { severities: {} }).rules.map((r) => r.severity)).toEqual(['error']);
    expect(compileRuleSet([pack], { severities: { constructor: 'warning' as const } }).rules.map((r) => r.severity)).toEqual(['warning']);
  });
});
