// Extract formatters are pure: a hand-built ExtractReport in, an exact string out.
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadColour } from '../src/report/paint.js';
import type { ExtractedQuestion, ExtractedResponse, PersonalDatum, Recommendation } from '../src/extract/types.js';
import { makeExtractReport, onlyQuestions, type ExtractReport, type ReportedDocument } from '../src/report/extract-report.js';
import { extractFormatters, type ExtractFormatOptions } from '../src/report/formatters/extract/index.js';
import { csv } from '../src/report/formatters/extract/csv.js';
import { json } from '../src/report/formatters/extract/json.js';
import { jsonl } from '../src/report/formatters/extract/jsonl.js';
import { markdown } from '../src/report/formatters/extract/markdown.js';
import { text } from '../src/report/formatters/extract/text.js';
import { wrap } from '../src/report/wrap.js';

// Colour output needs chalk, which the CLI loads only when colour is on.
beforeAll(loadColour);

const ANSI = /\u001b\[[0-9;]*m/g;
const plain: ExtractFormatOptions = { color: false };

function question(overrides: Partial<ExtractedQuestion>): ExtractedQuestion {
  return {
    number: '3',
    text: 'Do you agree with the proposals?',
    line: 5,
    column: 1,
    endLine: 5,
    endColumn: 46,
    stance: 'mixed',
    stanceCues: ['welcomes', 'missed opportunity', 'welcomes'],
    answerStart: 100,
    answerEnd: 400,
    ...overrides,
  };
}

function recommendation(overrides: Partial<Recommendation>): Recommendation {
  return {
    question: '3',
    text: 'We urge the council to publish a plan.',
    line: 7,
    column: 1,
    endLine: 7,
    endColumn: 39,
    cue: 'urge',
    strength: 'should',
    emphasised: false,
    target: 'the council',
    offset: 120,
    length: 38,
    ...overrides,
  };
}

const contact: PersonalDatum = { kind: 'email', text: 'jo@example.org', line: 2, column: 8, offset: 30, length: 14 };

/** Quotes, a comma, a pipe, a backslash and a line break: everything a format must escape. */
const awkward = 'Replace "voluntary sector" with "third sector", please | now \\ soon.\nThen review it.';

function response(overrides: Partial<ExtractedResponse> = {}): ExtractedResponse {
  return {
    respondent: 'Acme Trust',
    respondentFrom: 'title',
    date: 'May 2010',
    consultation: 'Play strategy',
    line: 1,
    endLine: 20,
    questions: [question({}), question({ number: 'PC-1', text: 'Anything else?', line: 12, endColumn: 25, stance: 'neutral', stanceCues: [] })],
    recommendations: [
      recommendation({}),
      recommendation({ question: null, text: 'Ministers must act.', line: 3, column: 5, endLine: 3, endColumn: 24, cue: 'must', strength: 'must', target: null, emphasised: true }),
      recommendation({ question: 'PC-1', text: awkward, line: 14, column: 1, endLine: 15, endColumn: 16, cue: 'Replace', strength: 'request', target: null }),
    ],
    personalData: [contact],
    ...overrides,
  };
}

function doc(overrides: Partial<ReportedDocument> = {}): ReportedDocument {
  return { path: 'responses/acme.txt', kind: 'response', problems: [], responses: [response()], ...overrides };
}

const report = (documents: ReportedDocument[], problems: ExtractReport['problems'] = []) => makeExtractReport(documents, problems);
const missing = { path: 'missing.txt', severity: 'error' as const, message: "no such file or directory: 'missing.txt'" };

describe('extract formatters registry', () => {
  it('has the five formats, each returning a string', () => {
    expect(Object.keys(extractFormatters)).toEqual(['text', 'json', 'jsonl', 'csv', 'markdown']);
    for (const format of Object.values(extractFormatters)) expect(typeof format(report([doc()]), plain)).toBe('string');
  });
});

describe('summary and --question', () => {
  it('counts documents, responses, questions, recommendations and input errors', () => {
    expect(report([doc(), doc({ path: 'b.txt', responses: [] })], [missing]).summary).toEqual({
      documents: 2,
      responses: 1,
      questions: 2,
      recommendations: 3,
      inputErrors: 1,
    });
  });

  it('onlyQuestions keeps the questions given and their recommendations, nothing outside them', () => {
    const filtered = onlyQuestions(doc(), ['PC-1']);
    expect(filtered.responses[0]!.questions.map((q) => q.number)).toEqual(['PC-1']);
    expect(filtered.responses[0]!.recommendations.map((r) => r.question)).toEqual(['PC-1']);
    expect(onlyQuestions(doc(), ['pc-1']).responses[0]!.questions).toEqual([]); // compared as written
  });
});

describe('json', () => {
  const parsed = () => JSON.parse(json(report([doc()], [missing]), plain));

  it('is pretty-printed JSON ending in one newline, with the top-level keys in order', () => {
    const out = json(report([doc()]), plain);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out).toContain('\n  "version": 1,\n');
    expect(Object.keys(parsed())).toEqual(['version', 'tool', 'command', 'documents', 'problems', 'summary']);
    expect(parsed()).toMatchObject({ version: 1, tool: 'canvass', command: 'extract' });
  });

  it('builds every object field by field: fixed key order, internal fields left out', () => {
    const out = parsed();
    const document = out.documents[0];
    expect(Object.keys(document)).toEqual(['path', 'kind', 'problems', 'responses']);
    const r = document.responses[0];
    expect(Object.keys(r)).toEqual(['respondent', 'respondentFrom', 'date', 'consultation', 'line', 'endLine', 'questions', 'recommendations']);
    expect(Object.keys(r.questions[0])).toEqual(['number', 'text', 'line', 'column', 'endLine', 'endColumn', 'stance', 'stanceCues']);
    expect(Object.keys(r.recommendations[0])).toEqual([
      'question', 'text', 'line', 'column', 'endLine', 'endColumn', 'cue', 'strength', 'emphasised', 'target',
    ]);
    expect(Object.keys(out.summary)).toEqual(['documents', 'responses', 'questions', 'recommendations', 'inputErrors']);
    expect(out.problems).toEqual([missing]);
    const text = JSON.stringify(out);
    for (const internal of ['answerStart', 'answerEnd', 'offset', 'length']) expect(text).not.toContain(`"${internal}"`);
  });

  it('gives the values as they are: numbers as strings, nulls for unknown question, target, date, consultation', () => {
    const out = JSON.parse(
      json(report([doc({ responses: [response({ date: null, consultation: null })] })]), plain),
    );
    const r = out.documents[0].responses[0];
    expect(r.date).toBeNull();
    expect(r.consultation).toBeNull();
    expect(r.questions[1]).toEqual({
      number: 'PC-1', text: 'Anything else?', line: 12, column: 1, endLine: 5, endColumn: 25, stance: 'neutral', stanceCues: [],
    });
    expect(r.recommendations[1]).toEqual({
      question: null, text: 'Ministers must act.', line: 3, column: 5, endLine: 3, endColumn: 24,
      cue: 'must', strength: 'must', emphasised: true, target: null,
    });
    expect(r.recommendations[2].text).toBe(awkward);
    expect(r.questions[0].stanceCues).toEqual(['welcomes', 'missed opportunity', 'welcomes']);
  });

  it('has personalData (kind, text, line, column) only with includePersonalData', () => {
    expect(json(report([doc()]), plain)).not.toContain('jo@example.org');
    expect(json(report([doc()]), plain)).not.toContain('personalData');
    const out = JSON.parse(json(report([doc()]), { color: false, includePersonalData: true }));
    const r = out.documents[0].responses[0];
    expect(Object.keys(r).at(-1)).toBe('personalData');
    expect(r.personalData).toEqual([{ kind: 'email', text: 'jo@example.org', line: 2, column: 8 }]);
  });

  it('gives input problems their optional line and column only when known', () => {
    const warning = { severity: 'warning' as const, message: 'not valid UTF-8', line: 2, column: 3 };
    const out = JSON.parse(json(report([doc({ problems: [warning, { severity: 'warning', message: 'odd' }] })]), plain));
    expect(out.documents[0].problems).toEqual([warning, { severity: 'warning', message: 'odd' }]);
    expect(Object.keys(out.documents[0].problems[0])).toEqual(['severity', 'message', 'line', 'column']);
  });

  it('is plain JSON even with color on', () => {
    expect(json(report([doc()]), { color: true })).not.toMatch(ANSI);
  });
});

const COLUMNS = [
  'path', 'kind', 'respondent', 'question', 'questionText', 'stance', 'text',
  'line', 'column', 'endLine', 'endColumn', 'cue', 'strength', 'emphasised', 'target',
];

describe('jsonl', () => {
  it('writes one flat object per recommendation, each line parsing on its own', () => {
    const out = jsonl(report([doc(), doc({ path: 'b.txt', responses: [] })], [missing]), plain);
    expect(out.endsWith('\n')).toBe(true);
    const lines = out.split('\n').slice(0, -1);
    expect(lines).toHaveLength(3);
    const rows = lines.map((line) => JSON.parse(line));
    for (const row of rows) expect(Object.keys(row)).toEqual(COLUMNS);
    expect(rows[0]).toEqual({
      path: 'responses/acme.txt', kind: 'response', respondent: 'Acme Trust', question: '3',
      questionText: 'Do you agree with the proposals?', stance: 'mixed', text: 'We urge the council to publish a plan.',
      line: 7, column: 1, endLine: 7, endColumn: 39, cue: 'urge', strength: 'should', emphasised: false, target: 'the council',
    });
    expect(rows[1]).toMatchObject({ question: null, questionText: null, stance: null, emphasised: true, target: null });
    expect(rows[2]).toMatchObject({ question: 'PC-1', questionText: 'Anything else?', stance: 'neutral', text: awkward });
  });

  it('is empty when there are no recommendations, and escapes line separators', () => {
    expect(jsonl(report([]), plain)).toBe('');
    const odd = doc({ responses: [response({ recommendations: [recommendation({ text: 'a\u2028b' })] })] });
    const out = jsonl(report([odd]), plain);
    expect(out).not.toContain('\u2028');
    expect(out.split('\n')).toHaveLength(2);
    expect(JSON.parse(out.split('\n')[0]!).text).toBe('a\u2028b');
  });
});

describe('csv', () => {
  it('has a header and one row per recommendation that read back cell for cell (quotes, commas, line breaks)', () => {
    const out = csv(report([doc()]), plain);
    const cells: string[][] = parseCsv(out);
    expect(cells[0]).toEqual(COLUMNS);
    expect(cells.slice(1)).toEqual([
      ['responses/acme.txt', 'response', 'Acme Trust', '3', 'Do you agree with the proposals?', 'mixed',
        'We urge the council to publish a plan.', '7', '1', '7', '39', 'urge', 'should', 'false', 'the council'],
      ['responses/acme.txt', 'response', 'Acme Trust', '', '', '', 'Ministers must act.', '3', '5', '3', '24', 'must', 'must', 'true', ''],
      ['responses/acme.txt', 'response', 'Acme Trust', 'PC-1', 'Anything else?', 'neutral', awkward, '14', '1', '15', '16', 'Replace', 'request', 'false', ''],
    ]);
  });

  it('follows RFC 4180: CRLF after every record, quotes doubled, a lone CR quoted', () => {
    const out = csv(report([doc()]), plain);
    expect(out.startsWith(COLUMNS.join(',') + '\r\n')).toBe(true);
    expect(out.endsWith('\r\n')).toBe(true);
    expect(out).toContain('"Replace ""voluntary sector"" with ""third sector"", please | now \\ soon.\nThen review it."');
    const cr = csv(report([doc({ responses: [response({ recommendations: [recommendation({ text: 'a\rb' })] })] })]), plain);
    expect(cr).toContain(',"a\rb",');
    expect((parseCsv(cr) as string[][])[1]![6]).toBe('a\rb');
  });

  it('is the header alone when there are no recommendations', () => {
    expect(csv(report([]), plain)).toBe(COLUMNS.join(',') + '\r\n');
  });
});

describe('markdown', () => {
  it('gives a heading per document and response, a table of questions and one of recommendations, pipes escaped', () => {
    const problem = { severity: 'warning' as const, message: 'not valid UTF-8; read as Windows-1252', line: 2, column: 3 };
    const other = doc({
      path: 'notes.md',
      kind: 'other',
      problems: [problem],
      responses: [response({ respondent: 'notes', respondentFrom: 'file name', date: null, consultation: null, questions: [], recommendations: [] })],
    });
    expect(markdown(report([doc(), other], [missing]), plain)).toBe(
      [
        '## `responses/acme.txt` (response)',
        '',
        '### Acme Trust (May 2010)',
        '',
        'Consultation: Play strategy',
        '',
        '| Question | Text | Stance | Cues | Recommendations |',
        '| --- | --- | --- | --- | --- |',
        '| 3 | Do you agree with the proposals? | mixed | welcomes, missed opportunity | 1 |',
        '| PC-1 | Anything else? | neutral |  | 1 |',
        '',
        '| Question | Recommendation | Strength | Cue | Line |',
        '| --- | --- | --- | --- | --- |',
        '| 3 | We urge the council to publish a plan. | should | urge | 7 |',
        '| — | Ministers must act. | must | must | 3 |',
        '| PC-1 | Replace "voluntary sector" with "third sector", please \\| now \\\\ soon. Then review it. | request | Replace | 14 |',
        '',
        '## `notes.md` (other)',
        '',
        '> **warning** (line 2, column 3): not valid UTF-8; read as Windows-1252',
        '',
        '### notes',
        '',
        'No recommendations found.',
        '',
        '## Problems',
        '',
        "- `missing.txt`: error: no such file or directory: 'missing.txt'",
        '',
        '2 documents, 2 responses, 2 questions, 3 recommendations, 1 input error.',
        '',
      ].join('\n'),
    );
  });

  it('adds a personal data table only with includePersonalData', () => {
    expect(markdown(report([doc()]), plain)).not.toContain('jo@example.org');
    expect(markdown(report([doc()]), { color: false, includePersonalData: true })).toContain(
      '| Personal data | Text | Line |\n| --- | --- | --- |\n| email | jo@example.org | 2 |\n',
    );
  });
});

describe('text', () => {
  const expected = [
    'responses/acme.txt (response)',
    '',
    '  Acme Trust, May 2010',
    '  Consultation: Play strategy',
    '',
    '    Question 3: Do you agree with the proposals?',
    '    stance: mixed (welcomes, missed opportunity)',
    '',
    '      7:1 · should · cue: urge · target: the council',
    '      We urge the council to publish a plan.',
    '',
    '    Question PC-1: Anything else?',
    '    stance: neutral',
    '',
    '      14:1 · request · cue: Replace',
    '      Replace "voluntary sector" with "third sector", please',
    '      | now \\ soon. Then review it.',
    '',
    '    Outside the questions',
    '',
    '      3:5 · must · cue: must · emphasised',
    '      Ministers must act.',
    '',
    'missing.txt',
    "  error no such file or directory: 'missing.txt'",
    '',
    '1 document, 1 response, 2 questions, 3 recommendations, 1 input error',
    '',
  ].join('\n');

  it('lists each question with its stance, then its recommendations; the rest under "Outside the questions"', () => {
    expect(text(report([doc()], [missing]), { color: false, width: 60 })).toBe(expected);
  });

  it('has no escape codes without colour, and the cue in bold with it', () => {
    expect(text(report([doc()]), plain)).not.toMatch(ANSI);
    const coloured = text(report([doc()]), { color: true, width: 60 });
    expect(coloured).toContain('We \u001b[1murge\u001b[22m the council');
    expect(coloured.replace(ANSI, '')).toBe(text(report([doc()]), { color: false, width: 60 }));
  });

  it('wraps to a narrow width without cutting or losing a word', () => {
    const long = 'Commissioners should publish their intentions early, involve social enterprises and co-operatives from the start, and use the Public Services (Social Value) Act 2012 consistently.';
    const wide = doc({ responses: [response({ recommendations: [recommendation({ text: long, cue: 'should' })] })] });
    for (const width of [24, 40, 80]) {
      const out = text(report([wide]), { color: false, width });
      const lines = out.split('\n');
      const start = lines.findIndex((l) => l.trimStart().startsWith('Commissioners'));
      const paragraph = lines.slice(start, lines.indexOf('', start));
      expect(paragraph.join(' ').split(/\s+/).filter(Boolean)).toEqual(long.split(' '));
      for (const line of paragraph) {
        expect(line.startsWith('      ')).toBe(true);
        // Longer only when one word does not fit on a line of its own.
        if (line.length > width) expect(line.trim()).not.toContain(' ');
      }
      if (width === 24) expect(paragraph.length).toBeGreaterThan(5);
    }
  });

  it('wrap() styles after wrapping, so a bold phrase may break across lines and escape codes never count', () => {
    const bold = (s: string) => `<${s}>`;
    expect(wrap('we could benefit from this', 14, 2, 4, [{ start: 3, end: 16, style: bold }])).toBe('  we <could>\n    <benefit>\n    from this');
    expect(wrap('a supercalifragilistic word', 10, 0, 0)).toBe('a\nsupercalifragilistic\nword');
  });

  it('shows the first six different stance cues, then …', () => {
    const cues = ['welcomes', 'concerns', 'poor', 'welcomes', 'fails', 'vague', 'weaker', 'lack of'];
    const many = doc({ responses: [response({ questions: [question({ stanceCues: cues })], recommendations: [] })] });
    expect(text(report([many]), { color: false, width: 200 })).toContain('stance: mixed (welcomes, concerns, poor, fails, vague, weaker, …)\n');
  });

  it('says when a response has none of the questions asked for (--question)', () => {
    const filtered = onlyQuestions(doc(), ['7', '8']);
    const out = text(report([filtered]), { color: false, questions: ['7', '8'] });
    expect(out).toContain('\n    Questions 7 and 8 not found in this response.\n');
    expect(out).not.toContain('Ministers');
  });

  it('lists personal data only with includePersonalData', () => {
    expect(text(report([doc()]), plain)).not.toContain('jo@example.org');
    expect(text(report([doc()]), { color: false, includePersonalData: true })).toContain('    Personal data\n      2:8 email: jo@example.org\n');
  });

  it('uses 100 columns by default', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    const out = text(report([doc({ responses: [response({ recommendations: [recommendation({ text: words })] })] })]), plain);
    const widest = Math.max(...out.split('\n').map((l) => l.length));
    expect(widest).toBeLessThanOrEqual(100);
    expect(widest).toBeGreaterThan(95);
  });
});
