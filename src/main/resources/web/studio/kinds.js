// The two kinds of items the editor works on, FAQ entries and intent examples: where they live in
// the API, how a list row reads, and how a form is filled and read.
import { get } from "/studio/api.js";
import { $ } from "/studio/dom.js";
import { entryBody, exampleBody } from "/studio/form.js";
import { TEXT } from "/studio/text.js";

function query(q, intent) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (intent) params.set("intent", intent);
  return params.toString();
}

export const ENTRIES = {
  form: "entry-form",
  newTitle: TEXT.newEntry,
  newButton: TEXT.newItem,
  title: (item) => TEXT.editEntry(item.id),
  async list(q, intent) {
    const body = await get(`/api/studio/entries?${query(q, intent)}`);
    return { items: body.entries, total: body.entries.length };
  },
  key: (item) => item.id,
  row: (item) => [item.question, `${item.id} · ${item.intent}`],
  path: (item) => `/api/studio/entries/${encodeURIComponent(item.id)}`,
  createPath: "/api/studio/entries",
  fill(item) {
    $("entry-id").value = item ? item.id : "";
    $("entry-id").readOnly = Boolean(item);
    $("entry-intent").value = item ? item.intent : $("entry-intent").value;
    $("entry-question").value = item ? item.question : "";
    $("entry-paraphrases").value = item ? item.paraphrases.join("\n") : "";
    $("entry-answer").value = item ? item.answer : "";
  },
  body: (revision, comment) => entryBody({
    id: $("entry-id").value, intent: $("entry-intent").value, question: $("entry-question").value,
    paraphrases: $("entry-paraphrases").value, answer: $("entry-answer").value,
  }, revision, comment),
  focusOf: (field) => ({ id: "entry-id", intent: "entry-intent", question: "entry-question", answer: "entry-answer" }[field]
    || (String(field).startsWith("paraphrases") ? "entry-paraphrases" : null)),
};

export const EXAMPLES = {
  form: "example-form",
  newTitle: TEXT.newExample,
  newButton: TEXT.newExampleButton,
  title: (item) => TEXT.editExample(item.id),
  async list(q, intent) {
    const body = await get(`/api/studio/examples?${query(q, intent)}`);
    return { items: body.examples, total: body.total };
  },
  key: (item) => String(item.id),
  row: (item) => [item.text, `${item.intent}${item.faqIds.length ? ` · ${item.faqIds.join(", ")}` : ""}`],
  path: (item) => `/api/studio/examples/${item.id}`,
  createPath: "/api/studio/examples",
  fill(item) {
    $("example-intent").value = item ? item.intent : $("intent-filter").value;
    $("example-text").value = item ? item.text : "";
    $("example-faq").value = item ? item.faqIds.join(", ") : "";
  },
  body: (revision, comment) => exampleBody({
    intent: $("example-intent").value, text: $("example-text").value, faq: $("example-faq").value,
  }, revision, comment),
  focusOf: (field) => ({ intent: "example-intent", text: "example-text", faqIds: "example-faq" }[field] || null),
};
