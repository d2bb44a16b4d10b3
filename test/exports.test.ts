// Compare exporters: a hand-built Comparison in, each export read back with a real reader
// (csv-parse, JSON.parse, exceljs, better-sqlite3 and Python's sqlite3) and checked cell by cell
// against the comparison itself.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFileNames, tableToCsv } from '../src/compare/exporters/csv.js';
import { EXPORT_FORMATS, EXPORTERS, exportFiles, formatFromPath, type TextPieces } from '../src/compare/exporters/index.js';
import { comparisonJsonPieces, comparisonToJson } from '../src/compare/exporters/json.js';
import { tablesToMarkdown } from '../src/compare/exporters/markdown.js';
import { comparisonToSqlite } from '../src/compare/exporters/sqlite.js';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, sheetName, tablesToXlsx } from '../src/compare/exporters/xlsx.js';
import { tablesFor } from '../src/compare/tables.js';
import type { Comparison, Table } from '../src/compare/types.js';
import { makeTempDir } from './helpers/cli.js';

// --- The comparison --------------------------------------------------------------------------

const PLAY = 'Play strategy for England';
const TRUSTS = 'Children’s Trusts: statutory guidance';

/** Quotes, commas, a line feed and accents; a CRLF; a lone carriage return. */
const REC_QUOTES = 'The Trust urges the council to "ring-fence" play funding, not cut it.';
const REC_NEWLINE = 'Rénover les aires de jeux, say "the parents", before 2012;\nthen review the café, crèche and naïve plans.';
const REC_CRLF = 'Le secteur associatif doit être consulté, «\u00a0à chaque étape\u00a0».\r\nSans exception.';
const REC_CR = 'It would be useful to fund drop-ins, too.\rOld Mac line end.';

function comparison(): Comparison {
  return {
    version: 1,
    documents: [
      { id: 1, path: 'corpus/acme-trust-2010.txt', kind: 'response' },
      { id: 2, path: 'corpus/summaries/news, "roundup".md', kind: 'summary' },
    ],
    respondents: [
      { id: 1, documentId: 1, name: 'Acme Trust', consultation: PLAY, date: 'May 2010', line: 1, endLine: 80 },
      { id: 2, documentId: 2, name: 'Société Coopérative', consultation: TRUSTS, date: null, line: 3, endLine: 40 },
      { id: 3, documentId: 2, name: 'Northside Forum', consultation: null, date: null, line: 41, endLine: 90 },
    ],
    questions: [
      { id: 1, consultation: PLAY, number: '1', text: 'Do you agree with the aims?' },
      { id: 2, consultation: PLAY, number: '2', text: 'How should play areas be funded, and by whom?' },
      { id: 3, consultation: TRUSTS, number: '1', text: 'Does the guidance engage the "third sector"?' },
    ],
    answers: [
      { respondentId: 1, questionId: 1, stance: 'supportive', stanceCues: ['welcomes'], recommendations: 1, line: 10 },
      { respondentId: 1, questionId: 2, stance: 'mixed', stanceCues: ['welcomes', 'missed opportunity', 'welcomes'], recommendations: 1, line: 25 },
      { respondentId: 2, questionId: 3, stance: 'critical', stanceCues: ['fails'], recommendations: 1, line: 5 },
      { respondentId: 3, questionId: 3, stance: 'neutral', stanceCues: [], recommendations: 0, line: 45 },
    ],
    recommendations: [
      { id: 1, respondentId: 1, questionId: 1, text: REC_QUOTES, cue: 'urges', strength: 'should', emphasised: true, target: 'the council', documentId: 1, line: 12, column: 1 },
      { id: 2, respondentId: 1, questionId: 2, text: REC_NEWLINE, cue: 'say', strength: 'request', emphasised: false, target: null, documentId: 1, line: 28, column: 5 },
      { id: 3, respondentId: 2, questionId: 3, text: REC_CRLF, cue: 'doit', strength: 'must', emphasised: false, target: null, documentId: 2, line: 7, column: 3 },
      { id: 4, respondentId: 3, questionId: null, text: REC_CR, cue: 'It would be useful', strength: 'could', emphasised: false, target: null, documentId: 2, line: 60, column: 1 },
    ],
    findings: [
      {
        id: 1,
        respondentId: 1,
        documentId: 1,
        ruleId: 'third-sector/voluntary-for-third',
        severity: 'error',
        message: "'voluntary sector' leaves out social enterprises; write 'third sector'",
        match: 'voluntary sector',
        line: 20,
        column: 5,
      },
      {
        id: 2,
        respondentId: null,
        documentId: 2,
        ruleId: 'third-sector/vcs',
        severity: 'warning',
        message: 'Prefer "third sector"',
        match: 'VCS',
        line: 1,
        column: 10,
      },
      {
        id: 3,
        respondentId: 3,
        documentId: 2,
        ruleId: 'third-sector/voluntary-for-third',
        severity: 'error',
        message: "'voluntary and community sector' leaves out social enterprises; write 'third sector'",
        match: 'voluntary and community sector',
        line: 50,
        column: 12,
      },
    ],
    terms: [
      { id: 1, term: 'third sector' },
      { id: 2, term: 'voluntary and community sector' },
    ],
    termUsage: [
      { respondentId: 1, termId: 1, count: 3 },
      { respondentId: 1, termId: 2, count: 1 },
      { respondentId: 2, termId: 1, count: 2 },
      { respondentId: 3, termId: 2, count: 4 },
    ],
    frame: 'children-services',
    themes: [
      { id: 1, key: 'commissioning', label: 'Commissioning' },
      { id: 2, key: 'play', label: 'Play & leisure' },
    ],
    themeHits: [
      { themeId: 1, respondentId: 1, questionId: 1, documentId: 1, line: 14, match: 'commissioning' },
      { themeId: 2, respondentId: 1, questionId: 2, documentId: 1, line: 30, match: 'play' },
      { themeId: 1, respondentId: 2, questionId: 3, documentId: 2, line: 10, match: 'commissioners' },
      { themeId: 2, respondentId: 3, questionId: null, documentId: 2, line: 50, match: 'playgrounds' },
    ],
    problems: [
      { path: 'corpus/missing.txt', line: 0, column: 0, message: "no such file or directory: 'corpus/missing.txt'" },
      { path: 'packs/local.yaml', line: 4, column: 9, message: "unknown kind 'substitutoin'" },
    ],
    sources: [
      { documentId: 1, text: 'Acme Trust\nResponse to the play strategy\n' },
      { documentId: 2, text: 'News roundup\n' },
    ],
  };
}

const c = comparison();
const tables = tablesFor(c);
const table = (name: Table['name']) => tables.find((t) => t.name === name)!;

/** Everything Markdown must escape: pipes, backslashes, line breaks, HTML-looking text. */
const awkwardTable: Table = {
  name: 'findings',
  title: 'Awkward | cells',
  columns: ['a|b', 'c\\d', 'n'],
  rows: [
    ['x | y \\| z', 'C:\\dir\\', 1],
    ['<br> is text', 'two\nlines\r\nthree\rfour', -2.5],
    [null, true, null],
  ],
};

/** A cell as CSV writes it. */
const csvCell = (v: Table['rows'][number][number]) => (v === null ? '' : typeof v === 'boolean' ? String(v) : String(v));

let dir: string;
beforeAll(() => {
  dir = makeTempDir('canvass-exports-');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

it('the hand-built comparison gives every table, and the awkward cells are in them', () => {
  expect(tables.map((t) => t.name)).toEqual(['questions', 'recommendations', 'terms', 'findings', 'themes', 'theme-questions']);
  expect(table('recommendations').rows.map((r) => r[2])).toEqual([REC_QUOTES, REC_NEWLINE, REC_CRLF, REC_CR]);
});

// --- CSV -------------------------------------------------------------------------------------

describe('CSV', () => {
  it('round-trips every cell of every table exactly, header first', () => {
    for (const t of tables) {
      const text = tableToCsv(t, {});
      // Strict CRLF records: a record ended by a bare \n would not parse into these rows.
      const records = parseCsv(text, { record_delimiter: '\r\n', relax_column_count: false }) as string[][];
      expect(records).toEqual([t.columns, ...t.rows.map((r) => r.map(csvCell))]);
    }
  });

  it('writes RFC 4180: CRLF record ends, quoted fields with doubled quotes, line breaks kept inside quotes', () => {
    const text = tableToCsv(table('recommendations'), {});
    expect(text.startsWith('respondent,question,recommendation,strength,cue,target,emphasised,file,line,column\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const lines = text.split('\r\n');
    expect(lines[1]).toBe(`Acme Trust,1,"The Trust urges the council to ""ring-fence"" play funding, not cut it.",should,urges,the council,true,corpus/acme-trust-2010.txt,12,1`);
    expect(text).toContain(`Acme Trust,2,"Rénover les aires de jeux, say ""the parents"", before 2012;\nthen review the café, crèche and naïve plans.",request,say,,false,corpus/acme-trust-2010.txt,28,5\r\n`);
    // A lone \r inside a cell is quoted too, so no reader takes it for a record end.
    expect(text).toContain(`"It would be useful to fund drop-ins, too.\rOld Mac line end.",could,It would be useful,,false,"corpus/summaries/news, ""roundup"".md",60,1\r\n`);
    // Outside quoted fields, every line break is CRLF.
    const unquoted = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('adds a UTF-8 BOM only with excel', () => {
    const plain = tableToCsv(table('questions'), {});
    const excel = tableToCsv(table('questions'), { excel: true });
    expect(plain.startsWith('consultation,')).toBe(true);
    expect(excel).toBe('\uFEFF' + plain);
    expect(Buffer.from(excel, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parseCsv(excel, { bom: true, record_delimiter: '\r\n' }) as string[][];
    expect(records[0]).toEqual(table('questions').columns);
    expect(records[3]![2]).toBe('Does the guidance engage the "third sector"?');
  });

  it('names one file per table when one path gets several', () => {
    const names = csvFileNames('out/compare.csv', tables);
    expect([...names.values()]).toEqual([
      'out/compare-questions.csv',
      'out/compare-recommendations.csv',
      'out/compare-terms.csv',
      'out/compare-findings.csv',
      'out/compare-themes.csv',
      'out/compare-theme-questions.csv',
    ]);
    expect(names.get(table('terms'))).toBe('out/compare-terms.csv');
    expect(csvFileNames('out/compare.csv', [table('terms')]).get(table('terms'))).toBe('out/compare.csv');
    expect(csvFileNames('report.v2/out', [table('terms'), table('findings')]).get(table('findings'))).toBe('report.v2/out-findings');
    expect(csvFileNames('./Out.CSV', [table('terms'), table('findings')]).get(table('terms'))).toBe('./Out-terms.CSV');
  });
});

// --- JSON ------------------------------------------------------------------------------------

describe('JSON', () => {
  const text = comparisonToJson(c);
  const parsed = JSON.parse(text) as Record<string, unknown> & Record<string, Array<Record<string, unknown>>>;

  it('is pretty-printed with a final newline, and leaves out the documents’ text', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "version": 1,\n  "tool": "canvass",\n  "command": "compare",\n  "documents": [\n    {\n      "id": 1,')).toBe(true);
    expect(parsed).not.toHaveProperty('sources');
    expect(text).not.toContain('Response to the play strategy');
  });

  it('has the top-level keys and every entity’s keys in the documented order', () => {
    expect(Object.keys(parsed)).toEqual([
      'version',
      'tool',
      'command',
      'documents',
      'respondents',
      'questions',
      'answers',
      'recommendations',
      'findings',
      'terms',
      'termUsage',
      'frame',
      'themes',
      'themeHits',
      'problems',
    ]);
    const keys = (name: string) => Object.keys(parsed[name]![0]!);
    expect(keys('documents')).toEqual(['id', 'path', 'kind']);
    expect(keys('respondents')).toEqual(['id', 'documentId', 'name', 'consultation', 'date', 'line', 'endLine']);
    expect(keys('questions')).toEqual(['id', 'consultation', 'number', 'text']);
    expect(keys('answers')).toEqual(['respondentId', 'questionId', 'stance', 'stanceCues', 'recommendations', 'line']);
    expect(keys('recommendations')).toEqual([
      'id',
      'respondentId',
      'questionId',
      'documentId',
      'text',
      'cue',
      'strength',
      'emphasised',
      'target',
      'line',
      'column',
    ]);
    expect(keys('findings')).toEqual(['id', 'respondentId', 'documentId', 'ruleId', 'severity', 'message', 'match', 'line', 'column']);
    expect(keys('terms')).toEqual(['id', 'term']);
    expect(keys('termUsage')).toEqual(['respondentId', 'termId', 'count']);
    expect(keys('themes')).toEqual(['id', 'key', 'label']);
    expect(keys('themeHits')).toEqual(['themeId', 'respondentId', 'questionId', 'documentId', 'line', 'match']);
    expect(keys('problems')).toEqual(['path', 'line', 'column', 'message']);
  });

  it('holds every value of the comparison, nulls included', () => {
    const { sources: _sources, ...rest } = c;
    expect(parsed).toEqual({ ...rest, tool: 'canvass', command: 'compare' });
    expect(parsed.recommendations![1]!.text).toBe(REC_NEWLINE);
    expect(parsed.recommendations![3]!.questionId).toBeNull();
    expect(parsed.findings![1]!.respondentId).toBeNull();
    expect(parsed.frame).toBe('children-services');
  });

  it('is laid out exactly as JSON.stringify with an indent of 2 writes it', () => {
    expect(text).toBe(JSON.stringify(parsed, null, 2) + '\n');
    const empty: Comparison = { ...comparison(), documents: [], recommendations: [], problems: [] };
    const emptyText = comparisonToJson(empty);
    expect(emptyText).toContain('\n  "documents": [],\n  "respondents": [\n');
    expect(emptyText).toBe(JSON.stringify(JSON.parse(emptyText), null, 2) + '\n');
  });

  it('a large comparison comes in pieces, rows split across batches whole', () => {
    const large = comparison();
    const finding = large.findings[0]!;
    // 4,500 findings of over 300 characters: many batches of rows.
    large.findings = Array.from({ length: 4500 }, (_, i) => ({ ...finding, id: i + 1, message: `${finding.message} ${'x'.repeat(300)} ${i}` }));
    const pieces = Array.from(comparisonJsonPieces(large));
    expect(pieces.length).toBeGreaterThan(1);
    // Each piece under V8's largest regular string (64K two-byte characters): larger ones are
    // made and written several times slower.
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(64 * 1024);
    expect(pieces.filter((p) => p.length > 10_000).length).toBeGreaterThan(20);
    const whole = pieces.join('');
    const back = JSON.parse(whole) as { findings: Array<{ id: number; message: string }> };
    expect(whole).toBe(JSON.stringify(back, null, 2) + '\n');
    expect(back.findings.map((f) => f.id)).toEqual(large.findings.map((f) => f.id));
    expect(back.findings[4499]!.message.endsWith(' 4499')).toBe(true);
  });

  it('lets no field outside the schema through', () => {
    const extra = comparison();
    (extra.recommendations[0] as unknown as Record<string, unknown>).offset = 120;
    (extra.documents[0] as unknown as Record<string, unknown>).text = 'secret';
    const out = JSON.parse(comparisonToJson(extra)) as typeof parsed;
    expect(out.recommendations![0]).not.toHaveProperty('offset');
    expect(out.documents![0]).not.toHaveProperty('text');
  });
});

// --- Markdown --------------------------------------------------------------------------------

describe('Markdown', () => {
  it('writes a title, a heading per table and GFM tables with escaped cells', () => {
    const small: Table = {
      name: 'recommendations',
      title: 'Recommendations by question',
      columns: ['respondent', 'recommendation', 'emphasised', 'line'],
      rows: [
        ['Acme | Co', 'Use C:\\path, "quoted";\nthen <b>stop</b>', true, 12],
        ['Société', null, false, null],
      ],
    };
    const empty: Table = { name: 'terms', title: 'Terminology ×\nrespondents', columns: ['respondent'], rows: [] };
    expect(tablesToMarkdown([small, empty], { title: 'Play strategy responses' })).toBe(
      [
        '# Play strategy responses',
        '',
        '## Recommendations by question',
        '',
        '| respondent | recommendation | emphasised | line |',
        '| --- | --- | --- | ---: |',
        '| Acme \\| Co | Use C:\\\\path, "quoted";<br>then &lt;b>stop&lt;/b> | yes | 12 |',
        '| Société |  | no |  |',
        '',
        '## Terminology × respondents',
        '',
        '| respondent |',
        '| --- |',
        '',
      ].join('\n'),
    );
  });

  it('has a default title and every table of the comparison', () => {
    const md = tablesToMarkdown(tables, {});
    expect(md.startsWith('# canvass comparison\n\n## Questions × respondents\n\n| consultation | question |')).toBe(true);
    expect(md.match(/^## /gm)).toHaveLength(tables.length);
    expect(md).toContain('| Acme Trust | 2 | Rénover les aires de jeux, say "the parents", before 2012;<br>then review the café, crèche and naïve plans. | request | say |  | no |');
    expect(md).toContain('Le secteur associatif doit être consulté, «\u00a0à chaque étape\u00a0».<br>Sans exception.');
    expect(md).toContain('It would be useful to fund drop-ins, too.<br>Old Mac line end.');
  });
  it('reads back cell by cell with a real GFM parser (remark-parse with the table extension)', async () => {
    const [{ unified }, { default: remarkParse }, { gfmTable }, { gfmTableFromMarkdown }] = await Promise.all([
      import('unified'),
      import('remark-parse'),
      import('micromark-extension-gfm-table'),
      import('mdast-util-gfm-table'),
    ]);
    const gfm = function (this: { data(): Record<string, unknown[] | undefined> }) {
      (this.data().micromarkExtensions ??= []).push(gfmTable());
      (this.data().fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
    };
    type Node = { type: string; value?: string; children?: Node[] };
    const text = (n: Node): string =>
      n.type === 'html' && n.value === '<br>' ? '\n' : n.value !== undefined ? n.value : (n.children ?? []).map(text).join('');
    const all = [...tables, awkwardTable];
    const tree = unified().use(remarkParse).use(gfm as never).parse(tablesToMarkdown(all, {})) as unknown as Node;
    const found = tree.children!.filter((n) => n.type === 'table');
    expect(found).toHaveLength(all.length);
    const shown = (v: Table['rows'][number][number]) =>
      v === null ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v).replace(/\r\n|\r/g, '\n');
    found.forEach((node, t) => {
      const rows = node.children!.map((row) => row.children!.map(text));
      expect(rows).toEqual([all[t]!.columns, ...all[t]!.rows.map((r) => r.map(shown))]);
    });
  });
});

// --- XLSX ------------------------------------------------------------------------------------

describe('XLSX', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const bytes = await tablesToXlsx(tables);
    expect(bytes).toBeInstanceOf(Uint8Array);
    // A zip file.
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  });

  it('has one sheet per table, named after it', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(tables.map((t) => t.name));
  });

  it('holds every cell with its type: text, numbers, booleans; null as an empty cell', () => {
    // Line breaks are Excel's own (\n): CRLF and a lone CR become \n.
    const asExcel = (v: unknown) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v);
    for (const t of tables) {
      const sheet = workbook.getWorksheet(t.name)!;
      expect(sheet.rowCount).toBe(t.rows.length + 1);
      t.columns.forEach((name, i) => expect(sheet.getRow(1).getCell(i + 1).value).toBe(name));
      t.rows.forEach((row, r) =>
        row.forEach((value, i) => {
          expect(sheet.getRow(r + 2).getCell(i + 1).value, `${t.name} row ${r + 2} column ${i + 1}`).toBe(asExcel(value));
        }),
      );
    }
    const recs = workbook.getWorksheet('recommendations')!;
    expect(recs.getCell('C3').value).toBe(REC_NEWLINE);
    expect(recs.getCell('C4').value).toBe('Le secteur associatif doit être consulté, «\u00a0à chaque étape\u00a0».\nSans exception.');
    expect(recs.getCell('C5').value).toBe('It would be useful to fund drop-ins, too.\nOld Mac line end.');
    expect(recs.getCell('G2').type).toBe(ExcelJS.ValueType.Boolean);
    expect(recs.getCell('I2').type).toBe(ExcelJS.ValueType.Number);
    expect(recs.getCell('F3').type).toBe(ExcelJS.ValueType.Null);
  });

  it('has a bold, filled, frozen header row with an autofilter', () => {
    for (const t of tables) {
      const sheet = workbook.getWorksheet(t.name)!;
      t.columns.forEach((_, i) => {
        const cell = sheet.getRow(1).getCell(i + 1);
        expect(cell.font?.bold).toBe(true);
        expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
      });
      expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const last = sheet.getRow(1).getCell(t.columns.length).address.replace(/\d+$/, '');
      expect(sheet.autoFilter).toBe(`A1:${last}${t.rows.length + 1}`);
    }
  });

  it('fits column widths to the content, within bounds, wrapping long or multi-line text', () => {
    for (const t of tables) {
      const sheet = workbook.getWorksheet(t.name)!;
      t.columns.forEach((_, i) => {
        const width = sheet.getColumn(i + 1).width!;
        expect(width).toBeGreaterThanOrEqual(MIN_COLUMN_WIDTH);
        expect(width).toBeLessThanOrEqual(MAX_COLUMN_WIDTH);
      });
    }
    const recs = workbook.getWorksheet('recommendations')!;
    // The longest line of any recommendation is REC_QUOTES: the column fits it, plus padding.
    expect(recs.getColumn(3).width).toBe(REC_QUOTES.length + 2);
    expect(recs.getColumn(7).width).toBe('emphasised'.length + 2);
    expect(recs.getColumn(9).width).toBe(MIN_COLUMN_WIDTH);
    expect(recs.getCell('C3').alignment).toMatchObject({ wrapText: true });
    expect(recs.getCell('C2').alignment?.wrapText).toBeFalsy();
  });

  it('caps wide columns at 80 characters and wraps what is longer', async () => {
    const long = 'word '.repeat(40).trim();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await tablesToXlsx([{ name: 'findings', title: 'x', columns: ['message', 'n'], rows: [[long, 1]] }])) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('findings')!;
    expect(sheet.getColumn(1).width).toBe(MAX_COLUMN_WIDTH);
    expect(sheet.getCell('A2').value).toBe(long);
    expect(sheet.getCell('A2').alignment).toMatchObject({ wrapText: true });
  });

  it('makes sheet names Excel accepts', () => {
    const used = new Set<string>();
    expect(sheetName('a/b:c[d]*?\\e', used)).toBe('a-b-c-d----e');
    expect(sheetName('x'.repeat(40), used)).toBe('x'.repeat(31));
    expect(sheetName('X'.repeat(40), used)).toBe(`${'X'.repeat(27)} (2)`);
    expect(sheetName("'quoted'", used)).toBe('quoted');
  });
});

// --- SQLite ----------------------------------------------------------------------------------

const TABLES = ['documents', 'respondents', 'questions', 'answers', 'recommendations', 'findings', 'terms', 'term_usage', 'themes', 'theme_hits', 'meta', 'problems'];
const EXPECTED_COUNTS = {
  documents: 2,
  respondents: 3,
  questions: 3,
  answers: 4,
  recommendations: 4,
  findings: 3,
  terms: 2,
  term_usage: 4,
  themes: 2,
  theme_hits: 4,
  meta: 3,
  problems: 2,
};

/** Recommendations with who made them and the question answered (none for one outside any). */
const JOIN = `
  SELECT r.id, p.name, q.consultation, q.number, r.text, r.emphasised, d.path, r."column"
  FROM recommendations r
  JOIN respondents p ON p.id = r.respondent_id
  JOIN documents d ON d.id = r.document_id
  LEFT JOIN questions q ON q.id = r.question_id
  ORDER BY r.id`;
const EXPECTED_JOIN = [
  [1, 'Acme Trust', PLAY, '1', REC_QUOTES, 1, 'corpus/acme-trust-2010.txt', 1],
  [2, 'Acme Trust', PLAY, '2', REC_NEWLINE, 0, 'corpus/acme-trust-2010.txt', 5],
  [3, 'Société Coopérative', TRUSTS, '1', REC_CRLF, 0, 'corpus/summaries/news, "roundup".md', 3],
  [4, 'Northside Forum', null, null, REC_CR, 0, 'corpus/summaries/news, "roundup".md', 1],
];

describe('SQLite', () => {
  let file: string;
  beforeAll(() => {
    const bytes = comparisonToSqlite(c, { generatedBy: 'canvass 0.1.0' });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes.subarray(0, 16)).toString('latin1')).toBe('SQLite format 3\0');
    file = join(dir, 'compare.sqlite');
    writeFileSync(file, bytes);
  });

  it('reads back with better-sqlite3: counts, a join, meta and intact foreign keys', () => {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const names = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
      expect(names).toEqual([...TABLES].sort());
      for (const [name, count] of Object.entries(EXPECTED_COUNTS)) {
        expect((db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n, name).toBe(count);
      }
      const rows = (db.prepare(JOIN).all() as Array<Record<string, unknown>>).map((r) => Object.values(r));
      expect(rows).toEqual(EXPECTED_JOIN);
      expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.prepare('SELECT key, value FROM meta ORDER BY key').all()).toEqual([
        { key: 'frame', value: 'children-services' },
        { key: 'generated_by', value: 'canvass 0.1.0' },
        { key: 'schema_version', value: '1' },
      ]);
      // The keys are declared, not just honoured by these rows.
      const fks = (t: string) => (db.prepare(`PRAGMA foreign_key_list(${t})`).all() as Array<{ table: string; from: string }>).map((k) => `${k.from}->${k.table}`).sort();
      expect(fks('recommendations')).toEqual(['document_id->documents', 'question_id->questions', 'respondent_id->respondents']);
      expect(fks('answers')).toEqual(['question_id->questions', 'respondent_id->respondents']);
      expect(fks('term_usage')).toEqual(['respondent_id->respondents', 'term_id->terms']);
      expect(fks('theme_hits')).toEqual(['document_id->documents', 'question_id->questions', 'respondent_id->respondents', 'theme_id->themes']);
      const indexed = (db.prepare("SELECT tbl_name || '.' || name AS i FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all() as Array<{ i: string }>).map((r) => r.i);
      expect(indexed).toContain('recommendations.recommendations_question_id');
      expect(indexed).toContain('theme_hits.theme_hits_respondent_id');
      // Whole rows, nulls and JSON-encoded cues included.
      expect(db.prepare('SELECT * FROM answers WHERE respondent_id = 1 AND question_id = 2').get()).toEqual({
        respondent_id: 1,
        question_id: 2,
        stance: 'mixed',
        stance_cues: '["welcomes","missed opportunity","welcomes"]',
        recommendations: 1,
        line: 25,
      });
      expect(db.prepare('SELECT * FROM findings WHERE id = 2').get()).toEqual({
        id: 2,
        respondent_id: null,
        document_id: 2,
        rule_id: 'third-sector/vcs',
        severity: 'warning',
        message: 'Prefer "third sector"',
        match: 'VCS',
        line: 1,
        column: 10,
      });
      expect(db.prepare('SELECT * FROM respondents WHERE id = 2').get()).toEqual({
        id: 2,
        document_id: 2,
        name: 'Société Coopérative',
        consultation: TRUSTS,
        date: null,
        line: 3,
        end_line: 40,
      });
      expect(db.prepare('SELECT term, sum(count) AS n FROM term_usage JOIN terms ON terms.id = term_id GROUP BY term ORDER BY term').all()).toEqual([
        { term: 'third sector', n: 5 },
        { term: 'voluntary and community sector', n: 5 },
      ]);
      expect(db.prepare('SELECT label, count(*) AS n FROM theme_hits JOIN themes ON themes.id = theme_id WHERE question_id IS NULL GROUP BY label').all()).toEqual([
        { label: 'Play & leisure', n: 1 },
      ]);
    } finally {
      db.close();
    }
  });

  it("reads back with Python's sqlite3 module, an independent reader", () => {
    const script = `
import json, sqlite3, sys
db = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
out = {
  'integrity': db.execute('PRAGMA integrity_check').fetchall(),
  'fk': db.execute('PRAGMA foreign_key_check').fetchall(),
  'counts': {t: db.execute('SELECT count(*) FROM ' + t).fetchone()[0] for t in json.loads(sys.argv[2])},
  'join': db.execute(sys.argv[3]).fetchall(),
  'cues': json.loads(db.execute('SELECT stance_cues FROM answers WHERE respondent_id = 2').fetchone()[0]),
}
sys.stdout.write(json.dumps(out, ensure_ascii=True))
`;
    let stdout: string;
    try {
      stdout = execFileSync('python3', ['-c', script, file, JSON.stringify(Object.keys(EXPECTED_COUNTS)), JOIN], { encoding: 'utf8' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return console.warn('python3 not found: independent SQLite reader skipped');
      throw error;
    }
    const out = JSON.parse(stdout) as { integrity: unknown; fk: unknown; counts: unknown; join: unknown; cues: unknown };
    expect(out.integrity).toEqual([['ok']]);
    expect(out.fk).toEqual([]);
    expect(out.counts).toEqual(EXPECTED_COUNTS);
    expect(out.join).toEqual(EXPECTED_JOIN);
    expect(out.cues).toEqual(['fails']);
  });

  it('refuses a comparison whose ids do not link up', () => {
    const broken = comparison();
    broken.recommendations[0]!.respondentId = 99;
    expect(() => comparisonToSqlite(broken)).toThrow(/FOREIGN KEY/);
  });

  it('writes an empty comparison as empty tables, frame null', () => {
    const empty: Comparison = { ...comparison(), documents: [], respondents: [], questions: [], answers: [], recommendations: [], findings: [], terms: [], termUsage: [], frame: null, themes: [], themeHits: [], problems: [] };
    const path = join(dir, 'empty.db');
    writeFileSync(path, comparisonToSqlite(empty));
    const db = new Database(path, { readonly: true });
    try {
      expect((db.prepare('SELECT count(*) AS n FROM recommendations').get() as { n: number }).n).toBe(0);
      expect(db.prepare("SELECT value FROM meta WHERE key = 'frame'").get()).toEqual({ value: null });
      expect(db.prepare("SELECT value FROM meta WHERE key = 'generated_by'").get()).toEqual({ value: 'canvass' });
    } finally {
      db.close();
    }
  });
});

// --- Registry --------------------------------------------------------------------------------

describe('registry', () => {
  it('knows every format and picks one from a file extension', () => {
    expect(Object.keys(EXPORTERS).sort()).toEqual([...EXPORT_FORMATS].sort());
    const cases: Array<[string, string | undefined]> = [
      ['out.csv', 'csv'],
      ['out/compare.JSON', 'json'],
      ['report.md', 'markdown'],
      ['report.markdown', 'markdown'],
      ['page.html', 'html'],
      ['page.htm', 'html'],
      ['book.xlsx', 'xlsx'],
      ['data.sqlite', 'sqlite'],
      ['data.db', 'sqlite'],
      ['data.sqlite3', 'sqlite'],
      ['notes.txt', undefined],
      ['noextension', undefined],
      ['dir.csv/file', undefined],
    ];
    for (const [file, format] of cases) expect(formatFromPath(file), file).toBe(format);
  });

  it('gives the files one --out path gets', async () => {
    const csv = await exportFiles('csv', c, tables, 'out/compare.csv', { excel: true });
    expect(csv.map((f) => f.path)).toEqual([...csvFileNames('out/compare.csv', tables).values()]);
    expect(csv[1]!.content).toBe(tableToCsv(table('recommendations'), { excel: true }));
    expect(await exportFiles('csv', c, [table('terms')], 'terms.csv')).toEqual([{ path: 'terms.csv', content: tableToCsv(table('terms'), {}) }]);
    expect(await exportFiles('csv', c, [], 'none.csv')).toEqual([]);

    const json = await exportFiles('json', c, [table('terms')], 'c.json');
    expect(json).toHaveLength(1);
    expect(json[0]!.path).toBe('c.json');
    expect(Array.from((json[0]!.content as TextPieces).pieces).join('')).toBe(comparisonToJson(c));
    const md = await exportFiles('markdown', c, tables, 'c.md', { title: 'T' });
    expect(md).toEqual([{ path: 'c.md', content: tablesToMarkdown(tables, { title: 'T' }) }]);
    const html = await exportFiles('html', c, tables, 'c.html', { title: 'Play responses', generatedBy: 'canvass 0.1.0' });
    expect(html).toHaveLength(1);
    expect(typeof html[0]!.content).toBe('string');
    expect(html[0]!.content).toContain('Play responses');
    for (const format of ['xlsx', 'sqlite'] as const) {
      const files = await exportFiles(format, c, tables, `c.${format}`);
      expect(files).toHaveLength(1);
      expect(files[0]!.content).toBeInstanceOf(Uint8Array);
      expect(EXPORTERS[format].binary).toBe(true);
    }
  });
});
