/** The open ticket's transcript: the stored lines, live lines without doubles, the bot's decisions, who is typing. */
import { $, clear, el } from "./dom.js";
import { clock, intentText, label, percent, sameLine } from "./format.js";
import { state } from "./store.js";
import { TEXT } from "./text.js";

/** How long a "typing" signal shows without a new one. */
export const TYPING_MS = 5000;

export function renderTranscript(messages, scrollToEnd) {
  const log = $("transcript");
  const atEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  clear(log);
  state.lines = [];
  for (const m of messages || []) appendLine(m);
  if (scrollToEnd || atEnd) log.scrollTop = log.scrollHeight;
}

function appendLine(m) {
  const role = TEXT.role[m.role] ? m.role : "system";
  const handoff = role === "bot" && m.action === "handoff" && m.reason !== "with_agent";
  const who = role === "agent" ? TEXT.role.agent + (m.agent ? " " + m.agent : "") : TEXT.role[role];
  const undelivered = role === "system" && m.reason === "undelivered"; // a reply the outbox gave up on, with why
  // a log of divs: role=log on a list would leave its items without a list (axe-core: listitem)
  const node = el("div", { className: "msg " + role + (handoff ? " handoff" : "") + (undelivered ? " undelivered" : ""),
    "data-role": role, "data-testid": "message", "data-undelivered": undelivered ? "true" : null }, [
    role === "system" ? null : el("div", { className: "who" }, [
      el("span", { text: who }),
      el("span", { "aria-hidden": "true", text: " · " }),
      el("time", { datetime: m.time, text: clock(m.time) })
    ]),
    el("div", { className: "bubble", text: m.text, "data-testid": "message-text" }),
    role === "bot" && m.action ? decision(m) : null
  ]);
  $("transcript").appendChild(node);
  state.lines.push(m);
  return node;
}

/** Why the bot said what it said: action, intent, confidence, the policy's reason. */
function decision(m) {
  if (m.reason === "with_agent") {
    return el("div", { className: "decision", "data-testid": "decision" }, [
      el("span", { className: "badge", text: TEXT.autoAck, "data-testid": "decision-reason" })
    ]);
  }
  const low = typeof m.confidence === "number" && m.confidence < 0.5;
  return el("div", { className: "decision", "data-testid": "decision", role: "group", "aria-label": "机器人判断" }, [
    el("span", { className: "badge" + (m.action === "handoff" ? " flag" : ""), text: label(TEXT.action, m.action),
      "data-testid": "decision-action" }),
    m.intent ? el("span", { className: "badge", text: TEXT.intentBadge(intentText(m.intent)), "data-testid": "decision-intent" }) : null,
    el("span", { className: "badge" + (low ? " low" : ""), text: TEXT.confidence(percent(m.confidence)), "data-testid": "decision-confidence" }),
    el("span", { className: "badge", text: TEXT.reasonBadge(label(TEXT.reason, m.reason)), "data-testid": "decision-reason" }),
    // the decision log of this reply, opened by decision.js
    m.messageId ? el("button", { type: "button", className: "why-btn", "data-decision": m.messageId,
      "aria-expanded": "false", "data-testid": "decision-why", text: "为什么？" }) : null
  ]);
}

/** A line that arrived live, unless it is already shown. */
export function addLiveLine(m) {
  if (state.lines.slice(-30).some((shown) => sameLine(shown, m))) return;
  const log = $("transcript");
  const atEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  appendLine(m);
  if (m.role === "user" && state.ticket) delete state.typing[state.ticket.conversationId]; // the message came
  renderTyping();
  if (atEnd || m.role === "agent") log.scrollTop = log.scrollHeight;
}

let typingTimer = null;

/** Shows "the user is typing" under the open ticket's transcript while a signal is fresh. */
export function renderTyping() {
  const t = state.ticket;
  const since = t ? state.typing[t.conversationId] : undefined;
  const fresh = since !== undefined && performance.now() - since < TYPING_MS;
  $("typing").textContent = fresh ? TEXT.userTyping : "";
  $("typing").hidden = !fresh;
  clearTimeout(typingTimer);
  if (fresh) typingTimer = setTimeout(renderTyping, TYPING_MS - (performance.now() - since) + 20);
}
