// One project for the tests that a config's `ignore` leaving nothing of a folder or glob is an
// input error, in lint, extract and compare alike: the same layout and the same messages.

/** docs/drafts (ignored by the top config), docs/old, sub/ (all ignored by its own config), kept.txt. */
export function ignoredInputsProject(text: string): Record<string, string> {
  return {
    '.canvass.yaml': 'ignore: [drafts]\n',
    'docs/drafts/d.md': text,
    'docs/old/o.md': text,
    'sub/.canvass.yaml': 'ignore: ["*.md"]\n',
    'sub/s.md': text,
    'kept.txt': text,
  };
}

/** What canvass says of a folder none of whose files is left, and who left them out. */
export const emptiedFolder = (input: string, by: string): string =>
  `no .txt, .md or .markdown files found in '${input}/' that are not ignored by ${by}`;

/** What it says of the glob 'docs/**\/d.md', which the top config's ignore empties. */
export const emptiedGlob = "all files matching the pattern 'docs/**/d.md' are ignored by 'ignore' in .canvass.yaml";
