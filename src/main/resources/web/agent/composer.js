/** The reply box: the counter, Enter to send, "/" for the team's canned replies, FAQ answers inserted, "typing" signals. */
import { api } from "./api.js";
import { showError } from "./banner.js";
import { $, announce, clear, el } from "./dom.js";
import { cannedQuery, typingDue } from "./format.js";
import { move } from "./moves.js";
import { MAX_CHARS, state } from "./store.js";
import { TEXT } from "./text.js";
import { addLiveLine } from "./transcript.js";

let cannedShown = [];
let typingSentAt = null;
let typingTicket = null;

export function updateCounter() {
  const box = $("reply");
  const length = box.value.length;
  $("counter").textContent = length + "/" + MAX_CHARS;
  $("counter").setAttribute("data-over", String(length > MAX_CHARS));
  $("send").disabled = state.busy || box.disabled || !box.value.trim() || length > MAX_CHARS;
}

/** "/" then a few letters of the shortcut or the text: the matching canned replies, searched by the server. */
export async function updateCanned() {
  const value = $("reply").value;
  const query = cannedQuery(value);
  if (query === null || $("reply").disabled) {
    hideCanned();
    return;
  }
  let body;
  try {
    body = await api("GET", "/api/agent/canned?q=" + encodeURIComponent(query));
  } catch (e) {
    hideCanned();
    return;
  }
  if ($("reply").value !== value) return;
  cannedShown = body.replies;
  const list = $("canned");
  clear(list);
  for (const r of body.replies) {
    list.appendChild(el("li", {}, [el("button", {
      type: "button", "data-testid": "canned-item", text: "/" + r.shortcut + "  " + r.text, onclick: () => useCanned(r)
    })]));
  }
  list.hidden = !body.replies.length;
}

function useCanned(reply) {
  $("reply").value = reply.text;
  hideCanned();
  updateCounter();
  $("reply").focus();
}

function hideCanned() {
  cannedShown = [];
  $("canned").hidden = true;
  clear($("canned"));
}

/** Puts an FAQ answer where the cursor is. */
export function insertAnswer(answer) {
  const box = $("reply");
  if (box.disabled) return;
  const start = box.selectionStart;
  const text = String(answer);
  box.value = (box.value.slice(0, start) + text + box.value.slice(box.selectionEnd)).slice(0, MAX_CHARS);
  box.focus();
  box.selectionStart = box.selectionEnd = Math.min(start + text.length, box.value.length);
  updateCounter();
  announce(TEXT.inserted);
}

/**
 * Tells the user that the agent is typing: at most one signal every few seconds, and never what
 * is typed (a canned-reply search is not typing to the user).
 */
export function signalTyping() {
  const t = state.ticket;
  const box = $("reply");
  if (!t || box.disabled || !box.value.trim() || cannedQuery(box.value) !== null) return;
  const now = performance.now();
  if (typingTicket === t.ticketId && !typingDue(typingSentAt, now)) return;
  typingSentAt = now;
  typingTicket = t.ticketId;
  api("POST", "/api/agent/tickets/" + encodeURIComponent(t.ticketId) + "/typing", {})
    .catch(() => { /* a typing signal is a courtesy: a lost one is no error to show */ });
}

export async function sendReply() {
  const box = $("reply");
  const text = box.value.trim();
  if (!text || box.disabled || state.busy) return;
  if (text.length > MAX_CHARS) {
    showError({ status: 400 }, "reply");
    return;
  }
  const sent = await move("/messages", { text }, "reply");
  if (!sent) return;
  typingSentAt = null; // the next words after a reply are typing again at once
  if (box.value.trim() === text) box.value = "";
  updateCounter();
  addLiveLine({ role: "agent", text: sent.text, time: sent.time, agent: sent.agent });
  box.focus();
}

/** Enter sends (or takes the first canned reply), Shift+Enter breaks the line, an IME's Enter is the IME's. */
export function onReplyKey(e) {
  // 229: a Chinese IME is still composing (Safari reports isComposing false on the final Enter)
  if (e.key !== "Enter" || e.shiftKey || e.isComposing || e.keyCode === 229) return;
  e.preventDefault();
  if (cannedQuery($("reply").value) !== null && cannedShown.length) {
    useCanned(cannedShown[0]);
    return;
  }
  sendReply();
}
