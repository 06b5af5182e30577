// Pure functions of the studio's forms: request bodies from form values, and the texts of refusals
// and changes. No DOM, no fetch: tested in the browser by form-test.html.
import { TEXT } from "/studio/text.js";

/** The non-empty lines of a textarea, stripped. */
export function lines(text) {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
}

/** Comma-separated FAQ ids as a list. */
export function ids(text) {
  return text.split(/[,，\s]+/).map((id) => id.trim()).filter((id) => id.length > 0);
}

/** The body of a save of an entry, from the form's values. */
export function entryBody(values, revision, comment) {
  const body = {
    id: values.id.trim(), intent: values.intent, question: values.question,
    paraphrases: lines(values.paraphrases), answer: values.answer, comment,
  };
  if (revision) body.revision = revision;
  return body;
}

/** The body of a save of an example. */
export function exampleBody(values, revision, comment) {
  const body = { intent: values.intent.trim(), text: values.text, faqIds: ids(values.faq), comment };
  if (revision) body.revision = revision;
  return body;
}

/** What the field of a refusal is called on the page: paraphrases[2] is the third paraphrase. */
export function fieldLabel(field) {
  const indexed = /^paraphrases\[(\d+)\]$/.exec(field || "");
  if (indexed) return TEXT.paraphraseN(Number(indexed[1]) + 1);
  return TEXT.field[field] || field || "";
}

/** The text shown for a 400: the field's name, then the server's reason without the field prefix. */
export function refusalText(body) {
  if (!body || !body.field) return (body && body.error) || TEXT.failed;
  const prefix = `${body.field}: `;
  const reason = body.error.startsWith(prefix) ? body.error.slice(prefix.length) : body.error;
  return TEXT.invalid(fieldLabel(body.field), reason);
}

/** A time on the wire (ISO) as the team reads it: Beijing time, minutes. */
export function shortTime(iso) {
  const at = new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString();
  return `${at.slice(0, 10)} ${at.slice(11, 16)}`;
}

/** The text of a 409 stale save: who changed the item, when and why. */
export function conflictText(body) {
  if (!body.current || !body.change) return TEXT.conflictRemoved;
  return TEXT.conflict(body.change.author, shortTime(body.change.at), body.change.comment);
}

/** What a change did: created, removed or changed. */
export function changeKind(change) {
  if (change.before === null) return TEXT.created;
  if (change.after === null) return TEXT.removedChange;
  return TEXT.changed;
}

/** A share (0..1) as a percentage with one decimal; "—" when there is none. */
export function percent(value) {
  return value === null || value === undefined ? "—" : `${(value * 100).toFixed(1)}%`;
}
