// The HTML export: a hand-built Comparison in, one self-contained page out, checked through the
// DOM that headless Chromium renders (summary, tables, sorting, charts, source links, no network).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonToHtml, sourceLines } from '../src/compare/exporters/html.js';
import { tablesFor } from '../src/compare/tables.js';
import type { Comparison, Table } from '../src/compare/types.js';

// The project's tsconfig has no DOM lib: the few browser objects the page functions touch, typed
// here (the casts vanish when the functions are sent to the page).
interface DomElement {
  id: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  getBoundingClientRect(): { top: number; bottom: number };
  getBBox(): { width: number };
}
interface DomRow {
  cells: ArrayLike<DomElement>;
}
interface BrowserGlobals {
  location: { hash: string };
  document: { querySelector(selector: string): DomElement | null };
  innerHeight: number;
  getComputedStyle(element: DomElement): { backgroundColor: string };
}

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const DOC1 = 'responses/acme & o\'brien.md';
const DOC2 = 'responses/north-west "forum".txt';

const SOURCE1 = [
  '# Response to the Local Plan 2025',
  '',
  '## Acme Trust',
  '',
  'Q1. Do you agree with the vision?',
  'We welcome the vision. The council must publish a plan for <housing> & "transport".',
  'The council should fund the third sector.',
  '',
  'Q2. Any other comments?',
  "We urge the council to consult the voluntary sector & 'others'.",
  '',
  "## O'Brien & Sons <Ltd>",
  '',
  'Q1. Do you agree with the vision?',
  'We oppose it. The council could use "plain English" < jargon.',
  'Contact: [email removed] <img src="https://example.org/pixel.png"> see https://example.org/plan',
  '',
].join('\n');

// CRLF line endings: lines still split as the line index counts them.
const SOURCE2 = [
  'North & West Forum — Transport Strategy',
  'Q1. Is the strategy right?',
  'The third sector must be funded & the buses run on time.',
  'We recommend that the VCS is consulted. <script>alert("x")</script>',
].join('\r\n');

function comparison(): Comparison {
  return {
    version: 1,
    documents: [
      { id: 1, path: DOC1, kind: 'response' },
      { id: 2, path: DOC2, kind: 'response' },
    ],
    respondents: [
      { id: 1, documentId: 1, name: 'Acme Trust', consultation: 'Local Plan 2025', date: '2025-03-01', line: 3, endLine: 11 },
      { id: 2, documentId: 1, name: "O'Brien & Sons <Ltd>", consultation: 'Local Plan 2025', date: null, line: 12, endLine: 16 },
      { id: 3, documentId: 2, name: 'North & West Forum', consultation: 'Transport Strategy', date: null, line: 1, endLine: 4 },
    ],
    questions: [
      { id: 1, consultation: 'Local Plan 2025', number: '1', text: 'Do you agree with the vision?' },
      { id: 2, consultation: 'Local Plan 2025', number: '2', text: 'Any other comments?' },
      { id: 3, consultation: 'Local Plan 2025', number: '3', text: 'Is the <evidence> base "sound"?' },
      { id: 4, consultation: 'Transport Strategy', number: '1', text: 'Is the strategy right?' },
    ],
    answers: [
      { respondentId: 1, questionId: 1, stance: 'supportive', stanceCues: ['welcome'], recommendations: 2, line: 5 },
      { respondentId: 1, questionId: 2, stance: 'neutral', stanceCues: [], recommendations: 1, line: 9 },
      { respondentId: 2, questionId: 1, stance: 'critical', stanceCues: ['oppose'], recommendations: 1, line: 14 },
      { respondentId: 3, questionId: 4, stance: 'mixed', stanceCues: ['must be funded', 'run on time'], recommendations: 1, line: 2 },
    ],
    recommendations: [
      {
        id: 1,
        respondentId: 1,
        questionId: 1,
        text: 'The council must publish a plan for <housing> & "transport".',
        cue: 'must',
        strength: 'must',
        emphasised: false,
        target: 'the council',
        documentId: 1,
        line: 6,
        column: 24,
      },
      {
        id: 2,
        respondentId: 1,
        questionId: 1,
        text: 'The council should fund the third sector.',
        cue: 'should',
        strength: 'should',
        emphasised: true,
        target: 'the council',
        documentId: 1,
        line: 7,
        column: 1,
      },
      {
        id: 3,
        respondentId: 1,
        questionId: 2,
        text: "We urge the council to consult the voluntary sector & 'others'.",
        cue: 'urge',
        strength: 'should',
        emphasised: false,
        target: 'the council',
        documentId: 1,
        line: 10,
        column: 1,
      },
      {
        id: 4,
        respondentId: 2,
        questionId: 1,
        text: 'The council could use "plain English" < jargon.',
        cue: 'could',
        strength: 'could',
        emphasised: false,
        target: null,
        documentId: 1,
        line: 15,
        column: 15,
      },
      {
        id: 5,
        respondentId: 3,
        questionId: 4,
        text: 'The third sector must be funded & the buses run on time.',
        cue: 'must',
        strength: 'must',
        emphasised: false,
        target: 'the third sector',
        documentId: 2,
        line: 3,
        column: 1,
      },
      {
        id: 6,
        respondentId: 3,
        questionId: null,
        text: 'We recommend that the VCS is consulted.',
        cue: 'recommend that',
        strength: 'request',
        emphasised: false,
        target: null,
        documentId: 2,
        line: 4,
        column: 1,
      },
    ],
    findings: [
      {
        id: 1,
        respondentId: 1,
        documentId: 1,
        ruleId: 'vcs/voluntary-sector',
        severity: 'warning',
        message: 'Use "voluntary and community sector" rather than "voluntary sector".',
        match: 'voluntary sector',
        line: 10,
        column: 37,
      },
      {
        id: 2,
        respondentId: 3,
        documentId: 2,
        ruleId: 'vcs/acronym',
        severity: 'suggestion',
        message: "Spell out 'VCS' on first use.",
        match: 'VCS',
        line: 4,
        column: 23,
      },
      {
        id: 3,
        respondentId: null,
        documentId: 1,
        ruleId: 'style/heading',
        severity: 'error',
        message: 'Heading <h1> & title differ.',
        match: 'Response to the Local Plan 2025',
        line: 1,
        column: 3,
      },
    ],
    terms: [
      { id: 1, term: 'third sector' },
      { id: 2, term: 'voluntary sector' },
      { id: 3, term: 'VCS' },
    ],
    termUsage: [
      { respondentId: 1, termId: 1, count: 1 },
      { respondentId: 1, termId: 2, count: 1 },
      { respondentId: 3, termId: 1, count: 1 },
      { respondentId: 3, termId: 3, count: 2 },
    ],
    frame: 'VCS funding <frame>',
    themes: [
      { id: 1, key: 'commissioning', label: 'Commissioning & funding' },
      { id: 2, key: 'engagement', label: 'Engagement' },
    ],
    themeHits: [
      { themeId: 1, respondentId: 1, questionId: 1, documentId: 1, line: 7, match: 'fund' },
      { themeId: 1, respondentId: 3, questionId: 4, documentId: 2, line: 3, match: 'funded' },
      { themeId: 2, respondentId: 1, questionId: 2, documentId: 1, line: 10, match: 'consult' },
      { themeId: 2, respondentId: 3, questionId: null, documentId: 2, line: 4, match: 'consulted' },
    ],
    problems: [{ path: 'responses/broken.docx', line: 0, column: 0, message: 'Could not read: unsupported format <docx> & "friends"' }],
    sources: [
      { documentId: 1, text: SOURCE1 },
      { documentId: 2, text: SOURCE2 },
    ],
  };
}

/** The text a table cell shows: null empty, booleans yes/no, located file cells "path:line". */
function expectedRows(table: Table): string[][] {
  const file = table.columns.indexOf('file');
  const line = table.columns.indexOf('line');
  return table.rows.map((row) =>
    row.map((cell, col) => {
      if (col === file && line >= 0 && typeof row[line] === 'number') return `${String(cell)}:${String(row[line])}`;
      if (cell === null) return '';
      if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
      return String(cell);
    }),
  );
}

describe('comparisonToHtml: the markup', () => {
  const c = comparison();
  const html = comparisonToHtml(c, tablesFor(c), { title: 'Local Plan & "Transport" responses', generatedBy: 'canvass 0.1.0' });

  it('is one self-contained UTF-8 document that loads nothing', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<(?:script|img|iframe|embed|video|audio|source|input)\b[^>]*\ssrc\s*=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<object\b/i);
    expect(html).not.toMatch(/@import|url\s*\(/i);
    expect(html).not.toMatch(/(?:src|href|xlink:href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\//i);
  });

  it('escapes what comes from documents', () => {
    expect(html).toContain('O&#39;Brien &amp; Sons &lt;Ltd&gt;');
    expect(html).toContain('&lt;housing&gt; &amp; &quot;transport&quot;');
    expect(html).toContain('&lt;img src=&quot;https://example.org/pixel.png&quot;&gt;');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain('<housing>');
    expect(html).not.toContain('<Ltd>');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('splits source text at \\n, \\r\\n and \\r, a final break ending the last line', () => {
    expect(sourceLines('a\nb\r\nc\rd\n')).toEqual(['a', 'b', 'c', 'd']);
    expect(sourceLines('')).toEqual(['']);
    expect(sourceLines('a\n\n')).toEqual(['a', '']);
  });
});

describe('comparisonToHtml in Chromium', () => {
  const c = comparison();
  const tables = tablesFor(c);
  const title = 'Local Plan & "Transport" responses';
  let dir: string;
  let url: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `The HTML export test needs Chromium at ${CHROMIUM}: install Debian's chromium package (sudo apt-get install chromium).`,
      );
    }
    dir = mkdtempSync(join(tmpdir(), 'canvass-html-'));
    const file = join(dir, 'comparison.html');
    writeFileSync(file, comparisonToHtml(c, tables, { title, generatedBy: 'canvass 0.1.0' }), 'utf8');
    url = pathToFileURL(file).href;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    } catch (error) {
      throw new Error(
        `Could not start Chromium at ${CHROMIUM} (install Debian's chromium package): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has the title and the summary', async () => {
    expect(await page.title()).toBe(title);
    expect(await page.locator('h1').textContent()).toBe(title);
    const count = (key: string) => page.locator(`dd[data-count="${key}"]`).textContent();
    expect(await count('documents')).toBe('2');
    expect(await count('respondents')).toBe('3');
    expect(await count('questions')).toBe('4');
    expect(await count('recommendations')).toBe('6');
    expect(await count('findings')).toBe('3');
    expect(await page.locator('[data-frame]').textContent()).toBe('VCS funding <frame>');
    expect(await page.locator('ul.problems li').allTextContents()).toEqual([
      'responses/broken.docx: Could not read: unsupported format <docx> & "friends"',
    ]);
    expect(await page.locator('footer').textContent()).toContain('canvass 0.1.0');
  });

  it('renders every table with its caption, headings and cells exactly', async () => {
    expect(tables.map((t) => t.name)).toEqual(['questions', 'recommendations', 'terms', 'findings', 'themes', 'theme-questions']);
    expect(await page.locator('table[data-table]').count()).toBe(tables.length);
    for (const table of tables) {
      const el = page.locator(`table[data-table="${table.name}"]`);
      expect(await el.locator('caption').textContent()).toBe(table.title);
      expect(await el.locator('thead th').allTextContents()).toEqual(table.columns);
      const rows = await el.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => Array.from((tr as unknown as DomRow).cells, (td) => td.textContent ?? '')),
      );
      expect(rows, table.name).toEqual(expectedRows(table));
    }
  });

  it('shows recommendations literally, one row each, located', async () => {
    const rows = await page
      .locator('table[data-table="recommendations"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from((tr as unknown as DomRow).cells, (td) => td.textContent ?? '')));
    expect(rows).toEqual([
      ['Acme Trust', '1', 'The council must publish a plan for <housing> & "transport".', 'must', 'must', 'the council', 'no', `${DOC1}:6`, '6', '24'],
      ['Acme Trust', '1', 'The council should fund the third sector.', 'should', 'should', 'the council', 'yes', `${DOC1}:7`, '7', '1'],
      ['Acme Trust', '2', "We urge the council to consult the voluntary sector & 'others'.", 'should', 'urge', 'the council', 'no', `${DOC1}:10`, '10', '1'],
      ["O'Brien & Sons <Ltd>", '1', 'The council could use "plain English" < jargon.', 'could', 'could', '', 'no', `${DOC1}:15`, '15', '15'],
      ['North & West Forum', '1', 'The third sector must be funded & the buses run on time.', 'must', 'must', 'the third sector', 'no', `${DOC2}:3`, '3', '1'],
      ['North & West Forum', '', 'We recommend that the VCS is consulted.', 'request', 'recommend that', '', 'no', `${DOC2}:4`, '4', '1'],
    ]);
    const hrefs = await page.locator('table[data-table="recommendations"] tbody a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['#src-1-L6', '#src-1-L7', '#src-1-L10', '#src-1-L15', '#src-2-L3', '#src-2-L4']);
    const findingLinks = await page.locator('table[data-table="findings"] tbody a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(findingLinks).toEqual(['#src-1-L10', '#src-2-L4', '#src-1-L1']);
  });

  it('sorts by a column on a click on its heading, and reverses on a second click', async () => {
    const table = page.locator('table[data-table="recommendations"]');
    const column = (name: string) => table.locator('thead th', { hasText: new RegExp(`^${name}$`) });
    const texts = () => table.locator('tbody tr td:nth-child(3)').allTextContents();
    const lines = async () => (await table.locator('tbody tr td:nth-child(9)').allTextContents()).map(Number);
    const line = column('line');

    expect(await line.getAttribute('aria-sort')).toBeNull();
    await line.click();
    expect(await lines()).toEqual([3, 4, 6, 7, 10, 15]);
    expect(await line.getAttribute('aria-sort')).toBe('ascending');
    await line.click();
    expect(await lines()).toEqual([15, 10, 7, 6, 4, 3]);
    expect(await line.getAttribute('aria-sort')).toBe('descending');

    // A text column: numeric-aware, ties in the original order, empty cells last either way.
    const question = column('question');
    await question.click();
    expect(await question.getAttribute('aria-sort')).toBe('ascending');
    expect(await line.getAttribute('aria-sort')).toBeNull();
    expect(await texts()).toEqual([
      'The council must publish a plan for <housing> & "transport".',
      'The council should fund the third sector.',
      'The council could use "plain English" < jargon.',
      'The third sector must be funded & the buses run on time.',
      "We urge the council to consult the voluntary sector & 'others'.",
      'We recommend that the VCS is consulted.',
    ]);
    await question.click();
    expect(await question.getAttribute('aria-sort')).toBe('descending');
    expect(await texts()).toEqual([
      "We urge the council to consult the voluntary sector & 'others'.",
      'The council must publish a plan for <housing> & "transport".',
      'The council should fund the third sector.',
      'The council could use "plain English" < jargon.',
      'The third sector must be funded & the buses run on time.',
      'We recommend that the VCS is consulted.',
    ]);

    // A numeric column in another table.
    const terms = page.locator('table[data-table="terms"]');
    const vcs = terms.locator('thead th', { hasText: /^VCS$/ });
    await vcs.click();
    expect(await terms.locator('tbody tr td:nth-child(1)').allTextContents()).toEqual(['Acme Trust', "O'Brien & Sons <Ltd>", 'North & West Forum']);
    await vcs.click();
    expect(await terms.locator('tbody tr td:nth-child(1)').allTextContents()).toEqual(['North & West Forum', 'Acme Trust', "O'Brien & Sons <Ltd>"]);
  });

  it('draws both bar charts as labelled inline SVG', async () => {
    const recs = page.locator('svg[data-chart="recommendations-per-question"]');
    expect(await recs.getAttribute('role')).toBe('img');
    expect(await recs.getAttribute('aria-label')).toContain('Recommendations per question');
    const recBars = recs.locator('rect[data-value]');
    expect(await recBars.count()).toBe(3);
    expect(await recBars.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-value')))).toEqual(['3', '1', '1']);
    expect(await recBars.evaluateAll((rs) => rs.map((r) => r.querySelector('title')?.textContent))).toEqual([
      'Q1 (Local Plan 2025): 3 recommendations',
      'Q2 (Local Plan 2025): 1 recommendation',
      'Q1 (Transport Strategy): 1 recommendation',
    ]);
    expect(await recs.locator('text.label').allTextContents()).toEqual(['Q1 (Local Plan 2025)', 'Q2 (Local Plan 2025)', 'Q1 (Transport Strategy)']);
    expect(await recs.locator('text.value').allTextContents()).toEqual(['3', '1', '1']);
    const widths = await recBars.evaluateAll((rs) => rs.map((r) => (r as unknown as DomElement).getBBox().width));
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths[1]).toBeGreaterThan(0);

    const terms = page.locator('svg[data-chart="terms-per-respondent"]');
    expect(await terms.getAttribute('role')).toBe('img');
    expect(await terms.getAttribute('aria-label')).toContain('Term usage per respondent');
    const termBars = terms.locator('rect[data-value]');
    expect(await termBars.count()).toBe(3);
    expect(await termBars.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-value')))).toEqual(['2', '0', '3']);
    expect(await termBars.evaluateAll((rs) => rs.map((r) => r.querySelector('title')?.textContent))).toEqual([
      'Acme Trust: 2 uses of the terms (third sector: 1, voluntary sector: 1)',
      "O'Brien & Sons <Ltd>: 0 uses of the terms",
      'North & West Forum: 3 uses of the terms (third sector: 1, VCS: 2)',
    ]);
    expect(await terms.locator('text.label').allTextContents()).toEqual(['Acme Trust', "O'Brien & Sons <Ltd>", 'North & West Forum']);
  });

  it('embeds every source line, escaped, with an id per line', async () => {
    for (const [id, text] of [
      [1, SOURCE1],
      [2, SOURCE2],
    ] as const) {
      const lines = await page.locator(`#src-${id} .lines code`).evaluateAll((els) => els.map((e) => [e.id, e.textContent]));
      expect(lines).toEqual(sourceLines(text).map((line, i) => [`src-${id}-L${i + 1}`, line]));
    }
    expect(await page.locator('#src-1 h3').textContent()).toBe(DOC1);
    expect(await page.locator('#src-2 h3').textContent()).toBe(DOC2);
  });

  it('links a recommendation to its source line, which becomes the target in view', async () => {
    const link = page.locator('table[data-table="recommendations"] a', { hasText: `${DOC1}:15` });
    await link.click();
    await page.waitForFunction(() => (globalThis as unknown as BrowserGlobals).location.hash === '#src-1-L15');
    const target = await page.evaluate(() => {
      const w = globalThis as unknown as BrowserGlobals;
      const el = w.document.querySelector(':target');
      const box = el?.getBoundingClientRect();
      return {
        hash: w.location.hash,
        id: el?.id,
        text: el?.textContent,
        top: box?.top,
        bottom: box?.bottom,
        height: w.innerHeight,
        background: el ? w.getComputedStyle(el).backgroundColor : null,
      };
    });
    expect(target.hash).toBe('#src-1-L15');
    expect(target.id).toBe('src-1-L15');
    expect(target.text).toBe('We oppose it. The council could use "plain English" < jargon.');
    expect(target.top).toBeGreaterThanOrEqual(0);
    expect(target.bottom).toBeLessThanOrEqual(target.height);
    expect(target.background).not.toBe('rgba(0, 0, 0, 0)');

    await page.locator('table[data-table="findings"] a', { hasText: `${DOC2}:4` }).click();
    await page.waitForFunction(() => (globalThis as unknown as BrowserGlobals).location.hash === '#src-2-L4');
    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.querySelector(':target')?.textContent)).toBe(
      'We recommend that the VCS is consulted. <script>alert("x")</script>',
    );
  });

  it('makes no network requests', async () => {
    // Loaded, clicked through; the escaped <img> in the source text must not have loaded anything.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((r) => r !== url)).toEqual([]);
  });
});
