// What `canvass extract` produces: data, formatted late (src/report/formatters/extract/).
// The JSON shape is a stable contract documented in docs/json-output.md.

export type DocumentKind = 'response' | 'summary' | 'other';
export type Stance = 'supportive' | 'critical' | 'mixed' | 'neutral';
export type Strength = 'must' | 'should' | 'could' | 'request';

export interface Located {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ExtractedQuestion extends Located {
  /** As written: "3", "1.1", "12", "PC-1". */
  number: string;
  text: string;
  stance: Stance;
  /** The words that decided the stance, in document order ("welcomes", "missed opportunity"). */
  stanceCues: string[];
  /** Answer range in the text (offsets), for attribution; not part of the output contract. */
  answerStart: number;
  answerEnd: number;
}

export interface Recommendation extends Located {
  /** The question it answers ("3", "PC-1"), or null outside any question. */
  question: string | null;
  text: string;
  cue: string;
  strength: Strength;
  emphasised: boolean;
  target: string | null;
  offset: number;
  length: number;
}

export type PersonalDataKind = 'name' | 'email' | 'phone';

export interface PersonalDatum {
  kind: PersonalDataKind;
  text: string;
  line: number;
  column: number;
  offset: number;
  length: number;
}

export interface ExtractedResponse {
  respondent: string;
  /** Where the respondent's name was found. */
  respondentFrom: 'title' | 'about' | 'letterhead' | 'signature' | 'heading' | 'file name';
  date: string | null;
  consultation: string | null;
  /** First and last line of the text this response covers. */
  line: number;
  endLine: number;
  questions: ExtractedQuestion[];
  recommendations: Recommendation[];
  /** Contact names, emails and phone numbers found (always detected; output only on request). */
  personalData: PersonalDatum[];
}

export interface ExtractedDocument {
  path: string;
  kind: DocumentKind;
  responses: ExtractedResponse[];
}
