/** Pure formatting and list logic of the console: no DOM, no fetch (unit-tested in the browser). */
import { TEXT } from "./text.js";

/** The label of {@code key} in {@code map}, else the key itself, else a dash. */
export function label(map, key) {
  return key && map[key] ? map[key] : (key || "—");
}

export function intentText(intent) {
  return intent ? label(TEXT.intent, intent) + "（" + intent + "）" : null;
}

export function percent(confidence) {
  return typeof confidence === "number" ? (confidence * 100).toFixed(1) + "%" : "—";
}

/** hh:mm:ss, with the date when it is not today (or when asked). */
export function clock(iso, withDate = false, now = new Date()) {
  const date = new Date(iso);
  if (isNaN(date.getTime())) return "";
  const pad = (n) => (n < 10 ? "0" : "") + n;
  const time = pad(date.getHours()) + ":" + pad(date.getMinutes()) + ":" + pad(date.getSeconds());
  const today = date.toDateString() === now.toDateString();
  return withDate || !today ? (date.getMonth() + 1) + "月" + date.getDate() + "日 " + time : time;
}

/** Whether {@code t} is assigned to the agent of {@code session}. */
export function isMine(t, session) {
  return !!t && !!session && t.status === "assigned" && t.agent === (session.login || session.agent);
}

/** The first line of a queue entry: number, reason, intent. */
export function ticketTitle(t) {
  return (t.number ? "#" + t.number + " " : "") + label(TEXT.reason, t.reason)
    + (t.intent ? " · " + label(TEXT.intent, t.intent) : "");
}

/** The second line: the queue position or who has it, and the customer. */
export function ticketSub(t) {
  const who = TEXT.customer(t);
  return t.status === "waiting" ? (t.position ? TEXT.positionN(t.position) + " · " : "") + who
    : t.status === "assigned" ? TEXT.handledBy(t.agent || "—") + " · " + who
    : label(TEXT.status, t.status) + (t.agent ? " · " + t.agent : "") + " · " + clock(t.closedAt);
}

/** The preview of the last message, at most 40 characters; "" without one. */
export function lastLine(t) {
  const last = t.lastMessage ? label(TEXT.role, t.lastMessage.role) + "：" + t.lastMessage.text : "";
  return last.length > 40 ? last.slice(0, 40) + "…" : last;
}

/**
 * The user's messages not yet read on {@code t}: none on the open ticket, else the server's count,
 * and at least one after a live message ({@code unread}: conversation id → true).
 */
export function unreadOf(t, selected, unread) {
  if (selected === t.ticketId) return 0;
  return Math.max(t.unread || 0, unread[t.conversationId] ? 1 : 0);
}

/** The tab's title: waiting tickets in parentheses, my unread messages in brackets. */
export function pageTitle(waiting, unread) {
  return (waiting ? "(" + waiting + ") " : "") + (unread ? "[" + TEXT.unreadN(unread) + "] " : "") + TEXT.title;
}

/** A list count as shown: the server lists at most {@code limit}. */
export function countText(n, limit) {
  return n >= limit ? limit + "+" : String(n);
}

/** Whether two transcript lines are one message (a live event and the stored line of it). */
export function sameLine(a, b) {
  if (a.role !== b.role || a.text !== b.text) return false;
  if (a.role === "agent") return a.time === b.time; // both come from the one stored message
  return Math.abs(new Date(a.time).getTime() - new Date(b.time).getTime()) < 10000;
}

/** Tags as typed: separated by ASCII or Chinese commas, trimmed, no empty ones. */
export function parseTags(value) {
  return String(value).split(/[,，]/).map((x) => x.trim()).filter(Boolean);
}

/** The text of the user's last message, or null. */
export function lastUserText(messages) {
  const users = (messages || []).filter((m) => m.role === "user");
  return users.length ? users[users.length - 1].text : null;
}

/** The bot's decision that explains the handoff: the handoff itself, else its last decision; null for none. */
export function handoffDecision(messages) {
  const bots = (messages || []).filter((m) => m.role === "bot" && m.action);
  const handoffs = bots.filter((m) => m.action === "handoff" && m.reason !== "with_agent");
  return handoffs.length ? handoffs[handoffs.length - 1] : bots.length ? bots[bots.length - 1] : null;
}

/** What a reply box that starts with "/" searches the canned replies for; null when it is a reply. */
export function cannedQuery(value) {
  return String(value).charAt(0) === "/" ? String(value).slice(1).trim() : null;
}

/**
 * The event stream's path: with the stream ticket of a machine token ({@code null} for an account's
 * cookie), and after a reconnect the id of the last event seen, so that the server sends what was missed.
 */
export function eventsPath(ticket, lastEventId) {
  const query = [ticket === null ? null : "ticket=" + encodeURIComponent(ticket),
    lastEventId ? "lastEventId=" + encodeURIComponent(lastEventId) : null].filter(Boolean);
  return "/api/agent/events" + (query.length ? "?" + query.join("&") : "");
}

/** JSON, or null when it is none. */
export function parse(json) {
  try {
    return JSON.parse(json);
  } catch (e) {
    return null;
  }
}

/** At most one "typing" signal per this many milliseconds from each side. */
export const TYPING_EVERY_MS = 2500;

/** Whether a new "typing" signal may go out at {@code now}, the last one having gone at {@code last} (null: none yet). */
export function typingDue(last, now) {
  return last === null || now - last >= TYPING_EVERY_MS;
}
