import { describe, expect, it } from 'vitest';
import type { SubstitutionRule } from '../../src/packs/types.js';
import { lintText, where } from '../helpers/lint-text.js';

const rule = (extra: Partial<SubstitutionRule> = {}): SubstitutionRule => ({
  id: 'swap',
  kind: 'substitution',
  severity: 'warning',
  message: "Use '{{expected}}' instead of '{{actual}}'",
  swap: { 'voluntary sector': 'third sector' },
  ...extra,
});

describe('substitution', () => {
  it('finds the term case-insensitively and suggests the replacement in the same case', async () => {
    const findings = await lintText('Intro.\n\nVoluntary sector bodies and the voluntary sector.\n', [rule()]);
    expect(where(findings)).toEqual(['3:1 Voluntary sector', '3:33 voluntary sector']);
    expect(findings[0]).toMatchObject({
      ruleId: 'test/swap',
      severity: 'warning',
      message: "Use 'Third sector' instead of 'Voluntary sector'",
      endLine: 3,
      endColumn: 17,
      offset: 8,
      length: 16,
      expected: 'Third sector',
      fix: { offset: 8, length: 16, text: 'Third sector' },
    });
    expect(findings[1]!.expected).toBe('third sector');
  });

  it('matches across a line break, a hyphen or several spaces, and plurals', async () => {
    const text = 'The voluntary\nsector, voluntary-sector bodies, voluntary   sectors.\n';
    const findings = await lintText(text, [rule()]);
    expect(where(findings)).toEqual(['1:5 voluntary\nsector', '2:9 voluntary-sector', '2:34 voluntary   sectors']);
    expect(findings.map((f) => f.expected)).toEqual(['third sector', 'third-sector', 'third sectors']);
    expect(findings[0]!.message).toBe("Use 'third sector' instead of 'voluntary sector'");
  });

  it('keeps the hyphens of a hyphenated match in the replacement, in any case mode', async () => {
    const swap = { 'voluntary sector': 'third sector', 'voluntary and community sector': 'third sector' };
    const text = 'Our voluntary-sector groups, Voluntary\u2011Sector ones and voluntary and\ncommunity-sector ones.\n';
    const findings = await lintText(text, [rule({ swap })]);
    expect(where(findings)).toEqual(['1:5 voluntary-sector', '1:30 Voluntary\u2011Sector', '1:56 voluntary and\ncommunity-sector']);
    // Mid-sentence capitals on every word are not kept (see below); the hyphen is.
    expect(findings.map((f) => f.expected)).toEqual(['third-sector', 'third\u2011sector', 'third sector']);
    // In a heading the capitals follow each hyphen-joined word.
    const heading = await lintText('# Voluntary\u2011Sector Groups\n', [rule({ swap })]);
    expect(heading.map((f) => f.expected)).toEqual(['Third\u2011Sector']);
    expect(findings[0]!.message).toBe("Use 'third-sector' instead of 'voluntary-sector'");
    expect(findings[0]!.fix).toEqual({ offset: 4, length: 16, text: 'third-sector' });
    const lower = await lintText('The Third-Sector groups met.\n', [rule({ caseSensitive: true, swap: { 'Third Sector': 'third sector' } })]);
    expect(where(lower)).toEqual(['1:5 Third-Sector']);
    expect(lower[0]!.fix).toEqual({ offset: 4, length: 12, text: 'third-sector' });
    // A replacement that is more than plain words is given as the pack writes it.
    const long = await lintText('Our voluntary-sector groups.\n', [rule({ swap: { 'voluntary sector': 'voluntary, community and social enterprise (VCSE) sector' } })]);
    expect(long.map((f) => f.expected)).toEqual(['voluntary, community and social enterprise (VCSE) sector']);
  });

  it('keeps word boundaries, and does not cross a paragraph break', async () => {
    const findings = await lintText('involuntary sectoral voluntary\n\nsector\n', [rule()]);
    expect(findings).toEqual([]);
  });

  it('finds a term in Markdown underscore emphasis, but not inside snake_case words', async () => {
    const text = 'We fund __voluntary sector__ bodies, _voluntary sector_ bodies and *voluntary sector* ones.\n\nNot voluntary_sector, x_voluntary sector or voluntary sector_y.\n';
    const findings = await lintText(text, [rule()]);
    expect(where(findings)).toEqual(['1:11 voluntary sector', '1:39 voluntary sector', '1:69 voluntary sector']);
    expect(findings[0]).toMatchObject({
      message: "Use 'third sector' instead of 'voluntary sector'",
      fix: { offset: 10, length: 16, text: 'third sector' },
    });
  });

  it('keeps all caps, and capitals on every word in a heading; in running text writes them as the pack does', async () => {
    const text = '# The Voluntary Sector Today\n\nVOLUNTARY SECTOR and Voluntary Sector. Voluntary Sector bodies agree.\n';
    const findings = await lintText(text, [rule()]);
    expect(where(findings)).toEqual(['1:7 Voluntary Sector', '3:1 VOLUNTARY SECTOR', '3:22 Voluntary Sector', '3:40 Voluntary Sector']);
    // Mid-sentence "Voluntary Sector" is not a name: lower case, as sector names are; a capital
    // only where a sentence starts.
    expect(findings.map((f) => f.expected)).toEqual(['Third Sector', 'THIRD SECTOR', 'third sector', 'Third sector']);
  });

  it('capitalises only a first letter that is lower case: a replacement that starts with an acronym is left as it is', async () => {
    const findings = await lintText('Health authority staff met the health authority.\n', [rule({ swap: { 'health authority': 'NHS trust' } })]);
    expect(findings.map((f) => f.expected)).toEqual(['NHS trust', 'NHS trust']);
  });

  it("gives an acronym's replacement as the pack writes it, with a capital where a sentence starts", async () => {
    const findings = await lintText('We met. BAME groups replied. Many BAME groups.\n', [rule({ swap: { BAME: 'ethnic minority' } })]);
    expect(where(findings)).toEqual(['1:9 BAME', '1:35 BAME']);
    expect(findings.map((f) => f.expected)).toEqual(['Ethnic minority', 'ethnic minority']);
  });

  it('skips quotations, URLs, emails, code and mentions by default', async () => {
    const text = [
      'He said “the voluntary sector is big” and ‘voluntary sector’ and "voluntary sector".',
      '',
      'See http://example.org/voluntary-sector and `voluntary sector` and the term voluntary sector.',
      '',
      '> voluntary sector in a blockquote',
      '',
      'But the voluntary sector here counts.',
    ].join('\n');
    expect(where(await lintText(text, [rule()]))).toEqual(['7:9 voluntary sector']);
  });

  it('skips a quotation followed by a URL or an email address in the same paragraph', async () => {
    // Spans are checked in order of their start: the address after the quote must not hide it.
    const text = [
      'They said “the voluntary sector is fine” (see www.example.org), but the voluntary sector is not.',
      '',
      'Also ‘voluntary sector’, as info@example.org wrote.',
    ].join('\n');
    for (const format of ['markdown', 'text'] as const) {
      expect(where(await lintText(text, [rule()], { format }))).toEqual(['1:73 voluntary sector']);
    }
  });

  it('tells a plural possessive inside a quotation from the quotation’s closing mark', async () => {
    const text = [
      // "charities’ view": an apostrophe, as a later mark plainly closes the quotation.
      'He said ‘the charities’ view of the voluntary sector is narrow’ and the voluntary sector agreed.',
      '',
      // "enterprises’ and": the closing mark, as nothing later closes a quotation.
      'The term ‘social enterprises’ and the voluntary sector.',
      '',
      // An opening mark comes first: "enterprises’" closed the first quotation.
      'Both ‘social enterprises’ and ‘the voluntary sector’ and the voluntary sector.',
      '',
      // Every later mark could be a possessive too: the first closes.
      'The ‘social enterprises’ and the voluntary sector’s members’ views.',
      '',
      // A possessive before a capital, or in a list, is no plain close either.
      'We fund ‘social enterprises’ and the voluntary sector, as the Trustees’ Annual Report says.',
      '',
      'Our ‘social enterprises’ and the voluntary sector rely on members’, trustees’ and volunteers’ goodwill.',
    ].join('\n');
    expect(where(await lintText(text, [rule()]))).toEqual([
      '1:73 voluntary sector',
      '3:39 voluntary sector',
      '5:62 voluntary sector',
      '7:34 voluntary sector',
      '9:38 voluntary sector',
      '11:34 voluntary sector',
    ]);
  });

  it('applies only inside its scope', async () => {
    const text = '# Voluntary sector\n\nThe voluntary sector.\n\n- a voluntary sector item\n';
    expect(where(await lintText(text, [rule({ scope: ['heading'] })]))).toEqual(['1:3 Voluntary sector']);
    expect(where(await lintText(text, [rule({ scope: ['~heading', '~list-item'] })]))).toEqual(['3:5 voluntary sector']);
    expect(where(await lintText('He said “voluntary sector”.', [rule({ scope: ['quote'] })]))).toEqual(['1:10 voluntary sector']);
  });

  it('respects exceptions and case-sensitive matching', async () => {
    const r = rule({
      caseSensitive: true,
      swap: { 'Third Sector': 'third sector' },
      exceptions: ['Office of the Third Sector'],
    });
    const findings = await lintText('The Office of the Third Sector met the Third Sector and the third sector.', [r]);
    expect(where(findings)).toEqual(['1:40 Third Sector']);
    expect(findings[0]!.expected).toBe('third sector');
  });

  it('flags mid-sentence only when asked', async () => {
    const r = rule({ caseSensitive: true, position: 'mid-sentence', swap: { 'Third Sector': 'third sector' } });
    const text = 'Third Sector bodies met. Then the Third Sector left.\n\n- i. Third Sector again\n';
    expect(where(await lintText(text, [r]))).toEqual(['1:35 Third Sector']);
  });

  it("takes a Markdown heading's first word, after its # marks, as a sentence start", async () => {
    const r = rule({ caseSensitive: true, position: 'mid-sentence', swap: { 'Third Sector': 'third sector' } });
    const text = '# Third Sector\n\n## 2. Third Sector funding\n\n### Funding the Third Sector\n';
    expect(where(await lintText(text, [r]))).toEqual(['5:17 Third Sector']);
    const start = rule({ caseSensitive: true, position: 'sentence-start', swap: { 'Third Sector': 'third sector' } });
    expect(where(await lintText(text, [start]))).toEqual(['1:3 Third Sector', '3:7 Third Sector']);
  });

  it('takes a table cell, and a sentence after a footnote number, as sentence starts; a section number is not', async () => {
    const r = rule({ caseSensitive: true, position: 'mid-sentence', swap: { 'Third Sector': 'third sector' } });
    const text = [
      '| Sector | Note |',
      '| --- | --- |',
      '| Third Sector | funds the Third Sector |',
      '',
      'Funding fell.12 Third Sector bodies closed.\u00b3 Third Sector bodies merged.',
      '',
      'As in paragraph 2.3 Third Sector bodies.',
      '',
    ].join('\n');
    expect(where(await lintText(text, [r]))).toEqual(['3:28 Third Sector', '7:21 Third Sector']);
  });

  it("takes the first word after a word processor's paragraph number or bullet as a sentence start", async () => {
    const r = rule({ caseSensitive: true, position: 'mid-sentence', swap: { 'Third Sector': 'third sector' } });
    const text = [
      '1.2\tThird Sector bodies deliver services.',
      '',
      '(iv)\tThird Sector bodies deliver services.',
      '',
      '\u2013\tThird Sector bodies deliver services.',
      '',
      'o\tThird Sector bodies deliver services.',
      '',
      '\u200bThird Sector bodies deliver services.',
      '',
      'Point 4 \u2013 Third Sector bodies and 1.2 Third Sector bodies.',
      '',
    ].join('\n');
    expect(where(await lintText(text, [r], { format: 'text' }))).toEqual(['11:11 Third Sector', '11:39 Third Sector']);
  });

  it('does not match a word that a combining mark joins to the letters before or after it', async () => {
    // "sector" + U+0301 is "sectoŕ"; "cafe" + U+0301 + "voluntary" is one word.
    const text = 'The voluntary sector\u0301 and cafe\u0301voluntary sector and the voluntary sector.\n';
    expect(where(await lintText(text, [rule()]))).toEqual(['1:57 voluntary sector']);
  });

  it('does not flag text already written the preferred way', async () => {
    const r = rule({ swap: { sector: 'third sector' } });
    expect(where(await lintText('The third sector and the sector.', [r]))).toEqual(['1:26 sector']);
  });
});

describe('overlapping matches of one rule', () => {
  it("are one finding, the first and longest, whatever other rules' findings lie between them", async () => {
    const swap = rule({ id: 'b-swap', swap: { 'voluntary and community sector': 'third sector', 'community sector': 'community groups' } });
    const text = 'We fund the voluntary and community sector well.\n';
    // 'community sector' (1:27) lies inside 'voluntary and community sector' (1:13).
    for (const otherId of ['a-ex', 'z-ex']) {
      const other = { id: otherId, kind: 'existence' as const, severity: 'warning' as const, message: 'm', terms: ['community'] };
      const findings = await lintText(text, [swap, other]);
      expect(findings.map((f) => `${f.ruleId} ${where([f])[0]}`), otherId).toEqual(
        otherId === 'a-ex'
          ? ['test/b-swap 1:13 voluntary and community sector', 'test/a-ex 1:27 community']
          : ['test/b-swap 1:13 voluntary and community sector', 'test/z-ex 1:27 community'],
      );
    }
  });
});

describe('the case of a replacement', () => {
  it('follows a word written in capitals, however short; an acronym the pack writes in capitals says nothing', async () => {
    const swap = rule({ swap: { charity: 'charitable organisation', NGO: 'non-governmental organisation' } });
    const findings = await lintText('A CHARITY and the CHARITIES and a Charity. An NGO and NGOs.\n', [swap]);
    expect(findings.map((f) => `${f.match} -> ${f.expected}`)).toEqual([
      'CHARITY -> CHARITABLE ORGANISATION',
      'CHARITIES -> CHARITABLE ORGANISATIONS',
      'Charity -> Charitable organisation',
      'NGO -> non-governmental organisation',
      'NGOs -> non-governmental organisations',
    ]);
  });
});

describe('the number of a replacement', () => {
  it('follows the match when the pack writes the term in the plural', async () => {
    const swap = rule({ swap: { 'local authorities': 'councils', NGOs: 'charities', mutuals: 'mutual societies' } });
    const text = 'A local authority, two local authorities, an NGO, some NGOs, a mutual and two mutuals.\n';
    const findings = await lintText(text, [swap]);
    expect(findings.map((f) => `${f.match} -> ${f.expected}`)).toEqual([
      'local authority -> council',
      'local authorities -> councils',
      'NGO -> charity',
      'NGOs -> charities',
      'mutual -> mutual society',
      'mutuals -> mutual societies',
    ]);
  });

  it('makes a replacement singular only where its singular is plain', async () => {
    const swap = rule({
      swap: {
        'health services': 'NHS',
        'voluntary organisations': 'VCS',
        'bus services': 'buses',
        'social firms': 'social businesses',
        'support services': 'CICs',
        'care homes': 'care services',
      },
    });
    const text = 'A health service, a voluntary organisation, a bus service, a social firm, a support service and a care home.\n';
    const findings = await lintText(text, [swap]);
    expect(findings.map((f) => `${f.match} -> ${f.expected}`)).toEqual([
      'health service -> NHS',
      'voluntary organisation -> VCS',
      'bus service -> buses', // bus or buse? left as written
      'social firm -> social business',
      'support service -> CIC',
      'care home -> care service',
    ]);
  });

  it('pluralises a replacement whose last word ends in an accented letter', async () => {
    const swap = rule({ swap: { 'coffee shop': 'café' } });
    const findings = await lintText('Two coffee shops and a coffee shop.\n', [swap]);
    expect(findings.map((f) => f.expected)).toEqual(['cafés', 'café']);
  });

  it('leaves a replacement that is not a short noun phrase as the pack wrote it', async () => {
    const swap = rule({ swap: { 'service users': 'people who use services' } });
    const findings = await lintText('Each service user was asked.\n', [swap]);
    expect(findings.map((f) => f.expected)).toEqual(['people who use services']);
  });
});

describe('a one-word term of four letters or fewer', () => {
  // The scanner compares a term's first letters before running its regex; those letters must come
  // from the part every inflection shares ("bod" of body/bodies, "CIC" of CICs/CIC).
  it('matches each of its inflections', async () => {
    const swap = rule({ swap: { body: 'organisation', CICs: 'community interest companies' } });
    const text = 'One body, two bodies, a CIC and two CICs.\n';
    const findings = await lintText(text, [swap]);
    expect(where(findings)).toEqual(['1:5 body', '1:15 bodies', '1:25 CIC', '1:37 CICs']);
    expect(findings.map((f) => f.expected)).toEqual([
      'organisation',
      'organisations',
      'community interest company',
      'community interest companies',
    ]);
  });
});
