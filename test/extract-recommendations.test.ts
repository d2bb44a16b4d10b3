// Recommendations: what counts, what does not, and what each carries.
import { describe, expect, it } from 'vitest';
import { openDocument } from '../src/document/document.js';
import { extractDocument } from '../src/extract/extract-document.js';

async function recs(text: string, name = 'r.md') {
  const result = await extractDocument(await openDocument(name, text));
  return result.responses.flatMap((r) => r.recommendations);
}

describe('recommendations', () => {
  it('finds requests by their cues, with strength, cue and target', async () => {
    const text = [
      'Question 1: Do you agree?',
      '',
      'We welcome the proposals. The Coalition urges the department to publish the data. Local authorities must consult users. It would be useful if the guidance gave examples. We would like to see more funding. The charity calls for the government to act. Councils could usefully share plans.',
    ].join('\n');
    expect((await recs(text)).map((r) => [r.question, r.cue, r.strength, r.target, r.text])).toEqual([
      ['1', 'urges', 'should', 'the department', 'The Coalition urges the department to publish the data.'],
      ['1', 'must', 'must', 'Local authorities', 'Local authorities must consult users.'],
      ['1', 'It would be useful', 'could', 'the guidance', 'It would be useful if the guidance gave examples.'],
      ['1', 'would like to see', 'request', null, 'We would like to see more funding.'],
      ['1', 'calls for', 'request', 'the government', 'The charity calls for the government to act.'],
      ['1', 'could usefully share', 'could', 'Councils', 'Councils could usefully share plans.'],
    ]);
  });

  it('leaves out what only looks like a request', async () => {
    const text = [
      'Should the guidance change? Does it need to?',
      '',
      'He said “the department should act”. As the consultation document states, it is essential that boards are represented. The board should have been consulted. There is no case for why the freedom should be made available. Councils do not need to outsource. The need to act is clear. What needs to change is unclear.',
    ].join('\n');
    expect(await recs(text)).toEqual([]);
  });

  it('takes the first cue that asks for something: an excluded match gives way to a later one', async () => {
    // The first "should" is inside an embedded question (excluded); the second asks, and its
    // actor is the target.
    const text = 'We ask why the council should act alone; the department should publish its plans.\n';
    expect((await recs(text)).map((r) => [r.cue, r.strength, r.target])).toEqual([['should', 'should', 'the department']]);
    // Of two cues in one sentence, the leftmost decides.
    const [essential] = await recs('It is essential that councils must consult users.\n');
    expect([essential!.cue, essential!.strength]).toEqual(['It is essential that', 'must']);
  });

  it('joins a sentence broken across a page break, and reports its lines', async () => {
    const text = 'The guidance should set minimum standards without\n\nexception for every area.\n';
    const [rec] = await recs(text, 'r.txt');
    expect(rec).toMatchObject({
      text: 'The guidance should set minimum standards without exception for every area.',
      line: 1,
      column: 1,
      endLine: 3,
      target: 'The guidance',
    });
  });

  it('marks bold recommendations as emphasised and drops sub-point labels', async () => {
    const text = '- ii. **It would be helpful if the guidance gave stronger advice.** Other text follows here.\n';
    const [rec] = await recs(text);
    expect(rec).toMatchObject({ text: 'It would be helpful if the guidance gave stronger advice.', emphasised: true, line: 1, column: 9 });
  });

  it('takes a suggested wording block as one recommendation', async () => {
    const text = [
      '3. Is the guidance clear?',
      '',
      'Suggested alternative wording:',
      '',
      '2.43 Every Board should include third sector representation. The number of representatives should reflect the sector.',
      '',
      '- **Honesty**',
      '- **Respect**',
    ].join('\n');
    const found = await recs(text);
    expect(found.map((r) => [r.question, r.line, r.endLine, r.cue, r.text])).toEqual([
      [
        '3',
        3,
        8,
        'Suggested alternative wording',
        'Suggested alternative wording: 2.43 Every Board should include third sector representation.',
      ],
    ]);
  });

  it('reads "Recommendation N" headings, imperative bullets under a lead-in, and lists under a recommending lead-in or heading', async () => {
    const text = [
      '## Recommendation 1: Publish commissioning data every year',
      '',
      'To improve commissioning:',
      '',
      '- Publish the data.',
      '- Access to training',
      '',
      'It would be useful to redraft paragraph 2.42 to include:',
      '',
      '- a. the definition of the sector;',
      '- b. the value of the sector.',
      '',
      '## What needs to change?',
      '',
      '- More joined up thinking',
      '- Better communication',
    ].join('\n');
    expect((await recs(text)).map((r) => [r.line, r.cue, r.strength, r.text])).toEqual([
      [1, 'Recommendation 1', 'should', 'Publish commissioning data every year'],
      [5, 'Publish', 'request', 'Publish the data.'],
      [10, 'It would be useful', 'could', 'the definition of the sector;'],
      [11, 'It would be useful', 'could', 'the value of the sector.'],
      [15, 'What needs to change', 'must', 'More joined up thinking'],
      [16, 'What needs to change', 'must', 'Better communication'],
    ]);
  });

  it('takes an item under a recommending heading once when its own words already recommend', async () => {
    const text = ['## Next steps', '', '- We recommend that councils publish their data.', '- Better communication', ''].join('\n');
    expect((await recs(text)).map((r) => [r.line, r.strength, r.text])).toEqual([
      [3, 'should', 'We recommend that councils publish their data.'],
      [4, 'request', 'Better communication'],
    ]);
  });

  it('counts an organisation’s quoted words in a summary of responses, but not quotes in a response', async () => {
    const summary =
      'Alpha Trust\nThe Alpha Trust responded.\n“We believe that councils should only contract with charities,” it says.\nBeta Group\nThe Beta Group agrees.\n';
    expect((await recs(summary, 'news.txt')).map((r) => [r.line, r.cue])).toEqual([[3, 'should']]);
    const response = 'Question 1: Do you agree?\n\nThe guidance says “councils should only contract with charities”, which we doubt.\n';
    expect(await recs(response, 'r.txt')).toEqual([]);
  });
});

describe('recommendation forms from other countries’ submissions', () => {
  it('finds encourage, request, invited to, suggest and there is a need', async () => {
    const text = [
      'We encourage the Agency to publish its data. We request that the Department extend the deadline. The Commission is invited to review the directive. We suggest the Office clarify its position. There is a clear need for better data.',
      '',
      'It is welcomed that the guidance encourages boards to consult.',
    ].join('\n');
    expect((await recs(text)).map((r) => [r.cue, r.strength])).toEqual([
      ['encourage', 'request'],
      ['request that', 'request'],
      ['is invited to', 'request'],
      ['We suggest', 'request'],
      ['There is a clear need for', 'must'],
    ]);
  });
});

describe('recommendation text', () => {
  it('shows text as a reader sees it, without emphasis marks', async () => {
    const [rec] = await recs('We *strongly* urge the _department_ to act, **now**.\n');
    expect(rec!.text).toBe('We strongly urge the department to act, now.');
  });
});
