/** The open ticket: fetched, its head (facts, the bot's reasons) and which actions it allows. */
import { api } from "./api.js";
import { showError } from "./banner.js";
import { $, clear, el } from "./dom.js";
import { renderFaq } from "./faq.js";
import { clock, handoffDecision, intentText, isMine, label, percent } from "./format.js";
import { renderLists, tick } from "./queue.js";
import { updateCounter } from "./composer.js";
import { state } from "./store.js";
import { TEXT } from "./text.js";
import { addLiveLine, renderTranscript, renderTyping } from "./transcript.js";
import { renderWorksheet } from "./worksheet.js";

export function select(ticketId) {
  state.selected = ticketId;
  document.querySelectorAll(".ticket-item").forEach((b) => {
    b.setAttribute("aria-current", b.getAttribute("data-ticket") === ticketId ? "true" : "false");
  });
  return loadTicket(ticketId, true);
}

/** Fetches the ticket and renders it; {@code fresh}: newly selected, so lines buffered for another are dropped. */
export async function loadTicket(ticketId, fresh) {
  state.loading = ticketId;
  if (fresh) state.buffered = [];
  let ticket;
  try {
    ticket = await api("GET", "/api/agent/tickets/" + encodeURIComponent(ticketId));
  } catch (problem) {
    state.loading = null;
    showError(problem);
    return;
  }
  if (state.selected !== ticketId) return;
  const sameTicket = state.ticket && state.ticket.ticketId === ticketId;
  state.ticket = ticket;
  delete state.unread[ticket.conversationId];
  renderTicket(ticket, !sameTicket);
  state.loading = null;
  state.buffered.forEach(addLiveLine);
  state.buffered = [];
  renderLists();
}

function renderTicket(t, scrollToEnd) {
  $("placeholder").hidden = true;
  $("ticket").hidden = false;
  $("ticket").setAttribute("data-status", t.status);
  $("ticket").setAttribute("data-ticket", t.ticketId);
  $("ticket-name").textContent = TEXT.ticketName(t);
  $("ticket-status").textContent = label(TEXT.status, t.status);
  $("ticket-status").setAttribute("data-status", t.status);
  $("ticket-urgent").hidden = t.priority !== 0;
  renderFacts(t);
  renderWhy(t);
  renderTranscript(t.messages, scrollToEnd);
  renderTyping();
  renderWorksheet(t);
  renderFaq(t);
  renderControls(t);
}

function renderFacts(t) {
  const facts = $("facts");
  clear(facts);
  const F = TEXT.facts;
  const rows = [[F.conversation, TEXT.customer(t)], [F.created, clock(t.createdAt, true)]];
  if (t.status === "waiting") {
    rows.push([F.wait, null]);
    if (t.position) rows.push([F.position, TEXT.positionN(t.position)]);
  } else {
    rows.push([F.wait, TEXT.duration(t.waitSeconds)]);
  }
  if (t.agent) rows.push([F.agent, t.agent]);
  if (t.claimedAt) rows.push([F.claimed, clock(t.claimedAt)]);
  if (t.closedAt) rows.push([F.closed, clock(t.closedAt)]);
  for (const [name, value] of rows) {
    const dd = el("dd", { text: value });
    if (value === null) {
      // the ticket's waitSeconds is newer than the list's: count this one from now
      dd.setAttribute("data-waited", String(t.waitSeconds - (performance.now() - state.listedAt) / 1000));
      dd.setAttribute("data-testid", "ticket-waited");
      dd.setAttribute("data-bare", "");
    }
    facts.appendChild(el("div", {}, [el("dt", { text: name }), dd]));
  }
  tick();
}

function renderWhy(t) {
  $("why-text").textContent = TEXT.whyText(label(TEXT.reason, t.reason), intentText(t.intent));
  const m = handoffDecision(t.messages);
  $("why-bot").textContent = m ? TEXT.whyBot(label(TEXT.action, m.action), intentText(m.intent) || "—", percent(m.confidence),
    label(TEXT.reason, m.reason)) : TEXT.noBotDecision;
  $("why-note").hidden = !t.note;
  $("why-note").textContent = t.note ? TEXT.note(t.note) : "";
}

/** Enables what the agent may do with {@code t} now. */
export function renderControls(t) {
  const session = state.session;
  const mine = isMine(t, session);
  const open = t.status === "waiting" || t.status === "assigned";
  const canEnd = t.status === "waiting" || mine; // a colleague's conversation is theirs to end
  $("claim").disabled = state.busy || t.status !== "waiting";
  $("claim").textContent = t.status === "waiting" || !t.agent ? TEXT.claim : TEXT.claimed;
  $("handback").disabled = state.busy || !canEnd;
  const canMove = t.status === "assigned" && (mine || (session && session.role === "admin"));
  $("transfer").disabled = state.busy || !canMove;
  $("unassign").disabled = state.busy || !canMove;
  $("close").disabled = state.busy || !canEnd;
  const reply = $("reply");
  reply.disabled = !mine;
  reply.placeholder = mine ? TEXT.replyPlaceholder.mine : !open ? TEXT.replyPlaceholder.ended
    : t.status === "waiting" ? TEXT.replyPlaceholder.waiting : TEXT.replyPlaceholder.other(t.agent || "—");
  document.querySelectorAll(".faq-item").forEach((b) => {
    b.disabled = !mine;
    b.querySelector(".use").textContent = mine ? TEXT.faqUse : TEXT.faqUseDisabled;
  });
  updateCounter();
}
