// findEmails finds an address from its "@" instead of trying a regex at every character; its
// matches must be exactly those of the global regex it replaces.
import { describe, expect, it } from 'vitest';
import { findEmails } from '../src/document/emails.js';
import { corpusDocuments } from './helpers/corpus.js';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const byRegex = (text: string) => [...text.matchAll(EMAIL)].map((m) => [m.index, m.index + m[0].length]);

describe('findEmails', () => {
  it('finds addresses with their exact extent', () => {
    const text = 'Write to jo.bloggs+consult@example.org.uk, or (info@ncvo.org.uk).';
    expect(findEmails(text).map(([s, e]) => text.slice(s, e))).toEqual(['jo.bloggs+consult@example.org.uk', 'info@ncvo.org.uk']);
    expect(findEmails(text)[0]).toEqual([9, 41]);
  });

  it('is not fooled by what is not an address, and gives what the regex gives where addresses touch', () => {
    expect(findEmails('@ home, a@b, x@y.z, me@ , @@, user@@example.com')).toEqual([]);
    // The first address ends at ".com"; the regex goes on from there, so the second starts at ".x".
    const touching = 'a@b.com.x@y.org';
    expect(findEmails(touching)).toEqual([
      [0, 7],
      [7, 15],
    ]);
    for (const text of [touching, 'a@b.co@c.uk d@e.fr', 'x.@y.io', '--@a.bc', 'q@w.e.rt.', 'ÉTÉ@x.fr é@x.fr']) {
      expect(findEmails(text)).toEqual(byRegex(text));
    }
  });

  it('matches the regex on every bundled document', () => {
    let total = 0;
    for (const { text } of corpusDocuments()) {
      const expected = byRegex(text);
      expect(findEmails(text)).toEqual(expected);
      total += expected.length;
    }
    expect(total).toBeGreaterThan(0);
  });
});
