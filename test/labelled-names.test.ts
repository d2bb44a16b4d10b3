// labelledNames tries the labelled-name regex only where a label and its colon are; its matches
// must be exactly those of a global search with the regex.
import { describe, expect, it } from 'vitest';
import { LABELLED_NAME, labelledNames } from '../src/structure/personal-data.js';
import { corpusDocuments } from './helpers/corpus.js';

const bySearch = (text: string) => [...text.matchAll(LABELLED_NAME)].map((m) => [m.index, m[0], m[1], m[2]]);
const byLabels = (text: string) => labelledNames(text).map((m) => [m.index, m[0], m[1], m[2]]);

describe('labelledNames', () => {
  it('finds a name after its label, with a title, in any case', () => {
    const text = 'Response from the Trust.\nContact name: Dr. Olof Jonsdottir\nAUTHOR:  Ann Lee\n';
    expect(byLabels(text)).toEqual([
      [25, 'Contact name: Dr. Olof Jonsdottir', 'Dr. ', 'Olof Jonsdottir'],
      [59, 'AUTHOR:  Ann Lee', undefined, 'Ann Lee'],
    ]);
  });

  it('gives what the regex gives where labels overlap, sit inside words or lead nowhere', () => {
    for (const text of [
      'contact name: jo smith; name: Jo Smith',
      'surname: Smith Jones, rename: Ann Lee',
      'Contact: name: Ann Lee',
      'prepared by: Written by: Ann Lee Jones',
      'Name:Name: Ann Lee',
      'xcontact name: Ann Lee',
      'contact\tname :\tMs Ann Lee-Smith and Bo Ek',
      'Contact: Ünal Çelik, author: Émile Zola',
    ]) {
      expect(byLabels(text)).toEqual(bySearch(text));
    }
  });

  it('matches the regex on every bundled document', () => {
    let total = 0;
    for (const { text } of corpusDocuments()) {
      const expected = bySearch(text);
      expect(byLabels(text)).toEqual(expected);
      total += expected.length;
    }
    expect(total).toBeGreaterThan(0);
  });
});
