/** What an agent does to the open ticket: claim, reply, close, hand back, transfer, unassign. */
import { api } from "./api.js";
import { clearError, showError } from "./banner.js";
import { $, clear, el } from "./dom.js";
import { label } from "./format.js";
import { scheduleRefresh, setFilter } from "./queue.js";
import { state } from "./store.js";
import { TEXT } from "./text.js";
import { loadTicket, renderControls } from "./ticket.js";

/**
 * POSTs {@code path} of the open ticket; resolves with the answer, or null when it was refused
 * (the banner says why). The ticket is reloaded after every move but a reply.
 */
export async function move(path, body, what) {
  const t = state.ticket;
  if (!t || state.busy) return null;
  state.busy = true;
  renderControls(t);
  clearError();
  let result = null;
  try {
    result = await api("POST", "/api/agent/tickets/" + encodeURIComponent(t.ticketId) + path, body);
  } catch (problem) {
    showError(problem, what);
    if (problem.status === 409 || problem.status === 404) scheduleRefresh();
  }
  state.busy = false;
  if (!state.session) return null;
  if (what === "reply" && result) {
    renderControls(state.ticket);
    return result;
  }
  await loadTicket(t.ticketId, false);
  return result;
}

export async function claim() {
  const ticket = await move("/claim", undefined, "claim");
  if (!ticket) return;
  scheduleRefresh();
  if (state.filter === "waiting") setFilter("assigned");
  $("reply").focus();
}

export async function unassign() {
  if (await move("/unassign", undefined, "unassign")) scheduleRefresh();
}

let pendingConfirm = null;

/** Asks before closing or handing back ({@code kind}). */
export function confirmMove(kind) {
  const closing = kind === "close";
  $("confirm-title").textContent = closing ? TEXT.closeTitle : TEXT.handbackTitle;
  $("confirm-text").textContent = closing ? TEXT.closeText : TEXT.handbackText;
  $("confirm-ok").textContent = closing ? TEXT.closeOk : TEXT.handbackOk;
  $("note-field").hidden = !closing;
  $("note").value = "";
  pendingConfirm = kind;
  $("confirm").showModal();
  (closing ? $("note") : $("confirm-ok")).focus();
}

export function cancelConfirm() {
  pendingConfirm = null;
  $("confirm").close();
}

export async function confirmed(e) {
  e.preventDefault();
  const kind = pendingConfirm;
  pendingConfirm = null;
  $("confirm").close();
  let t = null;
  if (kind === "close") {
    const note = $("note").value.trim();
    t = await move("/close", note ? { note } : {}, "close");
  } else if (kind === "handback") {
    t = await move("/handback", undefined, "handback");
  } else {
    return;
  }
  if (t) scheduleRefresh();
  $("transcript").focus();
}

/** The dialog closed: the focus goes back to the ticket. */
export function confirmClosed() {
  const back = state.ticket && !$("close").disabled ? $("close") : $("transcript");
  back.focus();
}

export async function openTransfer() {
  const t = state.ticket;
  if (!t) return;
  let body;
  try {
    body = await api("GET", "/api/agent/accounts");
  } catch (problem) {
    showError(problem);
    return;
  }
  const select = $("transfer-to");
  clear(select);
  for (const a of body.accounts.filter((account) => account.login !== t.agent)) {
    select.appendChild(el("option", { value: a.login, text: a.displayName + "（" + label(TEXT.presence, a.presence) + "）" }));
  }
  if (!select.options.length) {
    showError({ status: 409, error: "" });
    $("error-text").textContent = TEXT.noColleague;
    return;
  }
  $("transfer-dialog").showModal();
  select.focus();
}

export async function transferred(e) {
  e.preventDefault();
  const to = $("transfer-to").value;
  $("transfer-dialog").close();
  if (await move("/transfer", { to }, "transfer")) scheduleRefresh();
}
