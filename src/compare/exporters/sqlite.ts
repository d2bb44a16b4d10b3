// SQLite export: the comparison as a relational database, one table per entity with foreign
// keys between them, for SQL (and for R or pandas through their SQLite drivers). Built in
// memory and returned as the database file's bytes; the schema is documented in
// docs/json-output.md ("SQLite export"). Column names are the JSON fields in snake_case.

import Database from 'better-sqlite3';
import type { Comparison } from '../types.js';

export const SQLITE_SCHEMA_VERSION = 1;

export interface SqliteOptions {
  /** Written to meta.generated_by, e.g. "canvass 0.1.0". */
  generatedBy?: string;
}

// `column` and `match` are SQL keywords: they are quoted here, and must be in queries too.
const SCHEMA = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT
);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  kind TEXT NOT NULL
);
CREATE TABLE respondents (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  name TEXT NOT NULL,
  consultation TEXT,
  date TEXT,
  line INTEGER NOT NULL,
  end_line INTEGER NOT NULL
);
CREATE TABLE questions (
  id INTEGER PRIMARY KEY,
  consultation TEXT,
  number TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE TABLE answers (
  respondent_id INTEGER NOT NULL REFERENCES respondents(id),
  question_id INTEGER NOT NULL REFERENCES questions(id),
  stance TEXT NOT NULL,
  stance_cues TEXT NOT NULL,
  recommendations INTEGER NOT NULL,
  line INTEGER NOT NULL,
  PRIMARY KEY (respondent_id, question_id)
);
CREATE TABLE recommendations (
  id INTEGER PRIMARY KEY,
  respondent_id INTEGER NOT NULL REFERENCES respondents(id),
  question_id INTEGER REFERENCES questions(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  text TEXT NOT NULL,
  cue TEXT NOT NULL,
  strength TEXT NOT NULL,
  emphasised INTEGER NOT NULL CHECK (emphasised IN (0, 1)),
  target TEXT,
  line INTEGER NOT NULL,
  "column" INTEGER NOT NULL
);
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  respondent_id INTEGER REFERENCES respondents(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  rule_id TEXT NOT NULL,
  severity TEXT NOT NULL,
  message TEXT NOT NULL,
  "match" TEXT NOT NULL,
  line INTEGER NOT NULL,
  "column" INTEGER NOT NULL
);
CREATE TABLE terms (
  id INTEGER PRIMARY KEY,
  term TEXT NOT NULL
);
CREATE TABLE term_usage (
  respondent_id INTEGER NOT NULL REFERENCES respondents(id),
  term_id INTEGER NOT NULL REFERENCES terms(id),
  count INTEGER NOT NULL,
  PRIMARY KEY (respondent_id, term_id)
);
CREATE TABLE themes (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  label TEXT NOT NULL
);
CREATE TABLE theme_hits (
  theme_id INTEGER NOT NULL REFERENCES themes(id),
  respondent_id INTEGER NOT NULL REFERENCES respondents(id),
  question_id INTEGER REFERENCES questions(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  line INTEGER NOT NULL,
  "match" TEXT NOT NULL
);
CREATE TABLE problems (
  path TEXT NOT NULL,
  line INTEGER NOT NULL,
  "column" INTEGER NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX respondents_document_id ON respondents(document_id);
CREATE INDEX answers_question_id ON answers(question_id);
CREATE INDEX recommendations_respondent_id ON recommendations(respondent_id);
CREATE INDEX recommendations_question_id ON recommendations(question_id);
CREATE INDEX recommendations_document_id ON recommendations(document_id);
CREATE INDEX findings_respondent_id ON findings(respondent_id);
CREATE INDEX findings_document_id ON findings(document_id);
CREATE INDEX term_usage_term_id ON term_usage(term_id);
CREATE INDEX theme_hits_theme_id ON theme_hits(theme_id);
CREATE INDEX theme_hits_respondent_id ON theme_hits(respondent_id);
CREATE INDEX theme_hits_question_id ON theme_hits(question_id);
CREATE INDEX theme_hits_document_id ON theme_hits(document_id);
`;

export function comparisonToSqlite(c: Comparison, options: SqliteOptions = {}): Uint8Array {
  const db = new Database(':memory:');
  try {
    // Every reference is checked as it is inserted: a comparison with a dangling id fails here
    // rather than producing a database whose joins silently lose rows.
    db.pragma('foreign_keys = ON');
    db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`);
    db.exec(SCHEMA);
    const insert = (sql: string) => db.prepare(sql);
    const fill = db.transaction(() => {
      const meta = insert('INSERT INTO meta (key, value) VALUES (?, ?)');
      meta.run('frame', c.frame);
      meta.run('generated_by', options.generatedBy ?? 'canvass');
      meta.run('schema_version', String(SQLITE_SCHEMA_VERSION));

      const document = insert('INSERT INTO documents (id, path, kind) VALUES (?, ?, ?)');
      for (const d of c.documents) document.run(d.id, d.path, d.kind);

      const respondent = insert('INSERT INTO respondents (id, document_id, name, consultation, date, line, end_line) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const r of c.respondents) respondent.run(r.id, r.documentId, r.name, r.consultation, r.date, r.line, r.endLine);

      const question = insert('INSERT INTO questions (id, consultation, number, text) VALUES (?, ?, ?, ?)');
      for (const q of c.questions) question.run(q.id, q.consultation, q.number, q.text);

      const answer = insert('INSERT INTO answers (respondent_id, question_id, stance, stance_cues, recommendations, line) VALUES (?, ?, ?, ?, ?, ?)');
      for (const a of c.answers) answer.run(a.respondentId, a.questionId, a.stance, JSON.stringify(a.stanceCues), a.recommendations, a.line);

      const recommendation = insert(
        'INSERT INTO recommendations (id, respondent_id, question_id, document_id, text, cue, strength, emphasised, target, line, "column") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const r of c.recommendations) {
        recommendation.run(r.id, r.respondentId, r.questionId, r.documentId, r.text, r.cue, r.strength, r.emphasised ? 1 : 0, r.target, r.line, r.column);
      }

      const finding = insert(
        'INSERT INTO findings (id, respondent_id, document_id, rule_id, severity, message, "match", line, "column") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const f of c.findings) finding.run(f.id, f.respondentId, f.documentId, f.ruleId, f.severity, f.message, f.match, f.line, f.column);

      const term = insert('INSERT INTO terms (id, term) VALUES (?, ?)');
      for (const t of c.terms) term.run(t.id, t.term);

      const usage = insert('INSERT INTO term_usage (respondent_id, term_id, count) VALUES (?, ?, ?)');
      for (const u of c.termUsage) usage.run(u.respondentId, u.termId, u.count);

      const theme = insert('INSERT INTO themes (id, key, label) VALUES (?, ?, ?)');
      for (const t of c.themes) theme.run(t.id, t.key, t.label);

      const hit = insert('INSERT INTO theme_hits (theme_id, respondent_id, question_id, document_id, line, "match") VALUES (?, ?, ?, ?, ?, ?)');
      for (const h of c.themeHits) hit.run(h.themeId, h.respondentId, h.questionId, h.documentId, h.line, h.match);

      const problem = insert('INSERT INTO problems (path, line, "column", message) VALUES (?, ?, ?, ?)');
      for (const p of c.problems) problem.run(p.path, p.line, p.column, p.message);
    });
    fill();
    // A Buffer, which is a Uint8Array: the bytes of a database file.
    return db.serialize();
  } finally {
    db.close();
  }
}
