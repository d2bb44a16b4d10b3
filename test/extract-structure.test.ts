// Structure of a response: questions in their many forms, respondents, dates, personal data,
// summary documents split by organisation.
import { describe, expect, it } from 'vitest';
import { openDocument } from '../src/document/document.js';
import { extractDocument } from '../src/extract/extract-document.js';
import { findQuestions } from '../src/structure/questions.js';

async function questionsOf(text: string, name = 'r.md') {
  const doc = await openDocument(name, text);
  return findQuestions(doc).map((q) => ({ numbers: q.numbers, text: q.text, line: doc.lines.position(q.start).line }));
}

describe('questions', () => {
  it('finds labelled questions in the forms responses use', async () => {
    const text = [
      'Question 3: Does this guidance help?',
      '',
      'Our answer.',
      '',
      'Q4. Is the guidance clear?',
      '',
      'Q 5 – Should it change?',
      '',
      'Consultation question 12',
      '',
      '**Question 6** Do you agree with the proposal?',
      '',
      'Q7a: Any other comments?',
    ].join('\n');
    expect(await questionsOf(text)).toEqual([
      { numbers: ['3'], text: 'Does this guidance help?', line: 1 },
      { numbers: ['4'], text: 'Is the guidance clear?', line: 5 },
      { numbers: ['5'], text: 'Should it change?', line: 7 },
      { numbers: ['12'], text: '', line: 9 },
      { numbers: ['6'], text: 'Do you agree with the proposal?', line: 11 },
      { numbers: ['7a'], text: 'Any other comments?', line: 13 },
    ]);
  });

  it('finds numbered questions, headings and question codes', async () => {
    const text = [
      '1. Overall, do you agree that the guidance will help?',
      '',
      '- i. Yes.',
      '',
      '### 2.3 Should the guidance cover housing?',
      '',
      'Answer.',
      '',
      '## Data sharing (PC-2, TD-4)',
      '',
      'Answer.',
      '',
      'PC-1 / PC-3',
      '',
      'Answer.',
    ].join('\n');
    expect(await questionsOf(text)).toEqual([
      { numbers: ['1'], text: 'Overall, do you agree that the guidance will help?', line: 1 },
      { numbers: ['2.3'], text: 'Should the guidance cover housing?', line: 5 },
      { numbers: ['PC-2', 'TD-4'], text: 'Data sharing (PC-2, TD-4)', line: 9 },
      { numbers: ['PC-1', 'PC-3'], text: 'PC-1 / PC-3', line: 13 },
    ]);
  });

  it('does not take proposed wording, sub-points, numbered recommendations or codes in prose for questions', async () => {
    const text = [
      '2.43 As the third sector has an essential contribution to make, every Board should include it.',
      '',
      '- i. The guidance is clear?',
      '',
      '1. Publish the data.',
      '2. Fund local infrastructure.',
      '',
      'As PC-1 says, the proposals need work. We agree with TD-4 on this point and more besides, with a long explanation that goes on.',
      '',
      '3.38 The consultation document says so.',
    ].join('\n');
    expect(await questionsOf(text)).toEqual([]);
  });

  it('on the bundled responses, finds every question with its exact number and line', async () => {
    const { readFileSync } = await import('node:fs');
    const coalition = readFileSync('corpus/social-enterprise-coalition-childrens-trusts-2008.txt', 'utf8');
    expect((await questionsOf(coalition, 'c.txt')).map((q) => [q.numbers[0], q.line])).toEqual([
      ['3', 23],
      ['4', 31],
      ['9', 55],
    ]);
    const ce = readFileSync('corpus/children-england-childrens-trusts-2010.txt', 'utf8');
    expect((await questionsOf(ce, 'ce.txt')).map((q) => [q.numbers[0], q.line])).toEqual([
      ['1', 37],
      ['2', 49],
      ['3', 62],
      ['4', 93],
      ['5', 102],
      ['12', 117],
    ]);
  });
});

describe('respondent, date, consultation, personal data', () => {
  it('reads them from the title, the signature and the contact block', async () => {
    const text = [
      '**Response by the Widget Trust to the Consultation on Safer Streets**',
      '',
      'Contact: Jane Example',
      '',
      'Email: jane@example.org',
      '',
      'Telephone: 020 7946 0958',
      '',
      'Question 1: Do you agree?',
      '',
      'We recommend that councils publish their plans. Call Jane Example on 020 7946 0958.',
      '',
      'Widget Trust',
      'Policy Team',
      'March 2021',
    ].join('\n');
    const plain = await extractDocument(await openDocument('r.txt', text));
    const response = plain.responses[0]!;
    expect(response).toMatchObject({
      respondent: 'Widget Trust',
      respondentFrom: 'title',
      date: 'March 2021',
      consultation: 'Safer Streets', // "the Consultation on Safer Streets": the title is what it is on
      personalData: [],
    });
    expect(response.recommendations.map((r) => r.text)).toEqual([
      'We recommend that councils publish their plans.',
    ]);
    const json = JSON.stringify(plain);
    expect(json).not.toContain('jane@example.org');
    expect(json).not.toContain('7946');
    const withData = await extractDocument(await openDocument('r.txt', text), { includePersonalData: true });
    expect(withData.responses[0]!.personalData.map((p) => [p.kind, p.text, p.line])).toEqual([
      ['name', 'Jane Example', 3],
      ['email', 'jane@example.org', 5],
      ['phone', '020 7946 0958', 7],
      ['phone', '020 7946 0958', 11],
    ]);
  });

  it('reads a Markdown heading without its marks, and a title that names no consultation', async () => {
    const titled = '# Response from the Play Network\n\n## Question 1: Do you agree?\n\nWe recommend that the council funds play.\n';
    expect((await extractDocument(await openDocument('play.md', titled))).responses[0]).toMatchObject({
      respondent: 'Play Network',
      respondentFrom: 'title',
    });
    const letterhead = '## Riverside Housing Association ##\n\nWe think the plan is good.\n';
    expect((await extractDocument(await openDocument('r.md', letterhead))).responses[0]).toMatchObject({
      respondent: 'Riverside Housing Association',
      respondentFrom: 'letterhead',
    });
    // Not a name: "respondents" is no organisation, and the document's file name stands instead.
    const comments = '# Response from respondents\n\nMost agreed.\n';
    expect((await extractDocument(await openDocument('notes/summary.md', comments))).responses[0]).toMatchObject({
      respondent: 'summary',
      respondentFrom: 'file name',
    });
    // A section's heading, or a first sentence, that says where evidence is from names no one:
    // the signature does.
    const section = '# Consultation on charity law\n\n## Evidence from Scotland\n\nThe reforms work.\n\nPlay Network\n';
    const sentence = 'Evidence from Scotland suggests the reforms work.\n\nPlay Network\n';
    for (const [name, text] of [['r1.md', section], ['r2.txt', sentence]] as const) {
      expect((await extractDocument(await openDocument(name, text))).responses[0]).toMatchObject({
        respondent: 'Play Network',
        respondentFrom: 'signature',
      });
    }
  });

  it('falls back to the signature, then the file name', async () => {
    const signed = 'We think the plan is good.\n\nThe Riverside Housing Association\nJune 2020\n';
    expect((await extractDocument(await openDocument('x.txt', signed))).responses[0]).toMatchObject({
      respondent: 'The Riverside Housing Association',
      respondentFrom: 'signature',
      date: 'June 2020',
    });
    const anonymous = (await extractDocument(await openDocument('notes/answer-17.txt', 'Just some thoughts.\n'))).responses[0]!;
    expect(anonymous).toMatchObject({ respondent: 'answer-17', respondentFrom: 'file name' });
  });

  it('splits a summary of several organisations by their names on lines of their own', async () => {
    const text = [
      'Alpha Trust',
      'The Alpha Trust says the plan is sound and calls for the government to fund it.',
      'Beta Council for Voluntary Service',
      'The BCVS wants councils to publish their data.',
      'Subscribe Now',
      'Thank you for reading.',
    ].join('\n');
    const result = await extractDocument(await openDocument('news.txt', text));
    expect(result.kind).toBe('summary');
    expect(result.responses.map((r) => [r.respondent, r.recommendations.map((x) => x.line)])).toEqual([
      ['Alpha Trust', [2]],
      ['Beta Council for Voluntary Service', [4]],
    ]);
  });

  it('marks a document that is not a response as other, with one response and no questions', async () => {
    const text = 'Workshop notes\n\nParticipants discussed the market.\n\nFunding needs to remain in place.\n';
    const result = await extractDocument(await openDocument('notes.txt', text));
    expect(result.kind).toBe('other');
    expect(result.responses).toHaveLength(1);
    expect(result.responses[0]!.questions).toEqual([]);
    expect(result.responses[0]!.recommendations.map((r) => [r.question, r.text])).toEqual([[null, 'Funding needs to remain in place.']]);
  });
});
