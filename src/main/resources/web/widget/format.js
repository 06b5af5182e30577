/** Pure formatting for the widget: no DOM, no I/O, so the browser unit tests can call it directly. */
import { MAX_CHARS, MAX_POSITION, TEXT } from "./text.js";

const pad = (n) => (n < 10 ? "0" : "") + n;

/** "09:05" for a time today (in {@code now}'s day), "3月7日 09:05" otherwise. */
export function clock(date, now = new Date()) {
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return date.toDateString() === now.toDateString() ? hm : `${date.getMonth() + 1}月${date.getDate()}日 ${hm}`;
}

/** A transcript time as a Date; a missing or unreadable one is "now". */
export function timeOf(value, now = new Date()) {
  const date = value ? new Date(value) : now;
  return isNaN(date.getTime()) ? now : date;
}

/** The handoff banner's line for a queue {@code position} (1 = next; 0 or less = unknown). */
export function waitingText(position) {
  if (!(position > 0)) return TEXT.waitingUnknown;
  if (position === 1) return TEXT.waitingNext;
  return TEXT.waitingAhead(position >= MAX_POSITION ? `${MAX_POSITION - 1} 位以上` : `${position - 1} 位`);
}

/** Where the conversation stands: "waiting" or "assigned" to an agent, else "bot". */
export function modeOf(handoff) {
  return handoff && (handoff.status === "waiting" || handoff.status === "assigned") ? handoff.status : "bot";
}

/** The identity of a transcript line, to show an agent line once whether it came by SSE or by polling. */
export function seenKey(line) {
  return `${line.role}|${line.time}|${line.text}`;
}

/** The suggestion chips of a reply: none during a handoff. */
export function chipQuestions(reply) {
  if (reply.action === "handoff" || !Array.isArray(reply.suggestions)) return [];
  return reply.suggestions.map((s) => s && s.question).filter(Boolean);
}

/** The reasons whose reply offers a person (the server's Reason names): the widget adds a 转人工 button under them. */
const OFFERS_A_PERSON = new Set(["repeated_fallback", "repeated_message", "still_not_solved", "priority_intent"]);

/** Whether {@code reply} offers a person (and none is on the way yet). */
export function offersPerson(reply, mode) {
  return mode === "bot" && reply.action !== "handoff" && OFFERS_A_PERSON.has(reply.reason);
}

/** Characters as the server counts them (code points: an emoji is one), of the text that would be sent. */
export function charCount(text) {
  return Array.from(String(text || "").trim()).length;
}

/** What the message box says about the length of {@code text}: nothing, the limit reached, or how much is over. */
export function lengthNotice(text) {
  const count = charCount(text);
  if (count > MAX_CHARS) return { count, over: true, notice: TEXT.overLimit(count - MAX_CHARS) };
  if (count === MAX_CHARS) return { count, over: false, notice: TEXT.atLimit };
  return { count, over: false, notice: null };
}

/** Parses JSON, or null when it is not JSON. */
export function parse(json) {
  try {
    return JSON.parse(json);
  } catch (e) {
    return null;
  }
}

/** At most one "typing" signal per this many milliseconds; one shows for TYPING_SHOWN_MS without a new one. */
export const TYPING_EVERY_MS = 2500;
export const TYPING_SHOWN_MS = 5000;

/** Whether a "typing" signal may go out at {@code now}, the last one having gone at {@code last} (null: none yet). */
export function typingDue(last, now) {
  return last === null || now - last >= TYPING_EVERY_MS;
}
