// Is a bullet an instruction ("Publish the data", "Fund local infrastructure")? compromise tags
// the first word; we trust it when it is a verb in its base (infinitive) form, which leaves out
// nouns that can also be verbs at the head of a noun phrase ("Access to suitable IT facilities",
// "Staff time"). compromise takes ~0.3-0.6 s to load, so it is loaded only for documents that
// have a lead-in followed by a list.

type Nlp = (text: string) => { terms(): { first(): { json(): Array<{ terms?: Array<{ tags?: string[] }> }> } } };
let nlp: Nlp | undefined;

export class VerbTaggerNotLoaded extends Error {
  override name = 'VerbTaggerNotLoaded';
}

export async function loadVerbTagger(): Promise<void> {
  if (!nlp) nlp = ((await import('compromise')) as unknown as { default: Nlp }).default;
}

export function isImperative(text: string): boolean {
  if (!nlp) throw new VerbTaggerNotLoaded('compromise is not loaded yet');
  const firstWords = text.split(/\s+/).slice(0, 6).join(' ');
  const tags = nlp(firstWords).terms().first().json()[0]?.terms?.[0]?.tags ?? [];
  return tags.includes('Verb') && tags.includes('Infinitive');
}
