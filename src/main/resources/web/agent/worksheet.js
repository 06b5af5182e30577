/** Internal notes and tags of the open ticket, and the customer's earlier tickets (agents only). */
import { api } from "./api.js";
import { showError } from "./banner.js";
import { $, clear, el } from "./dom.js";
import { clock, label, parseTags } from "./format.js";
import { state } from "./store.js";
import { TEXT } from "./text.js";
import { loadTicket } from "./ticket.js";

export function renderWorksheet(t) {
  const list = $("note-list");
  clear(list);
  const notes = t.notes || [];
  const tags = t.tags || [];
  for (const n of notes) {
    list.appendChild(el("li", { "data-testid": "note" }, [
      el("strong", { text: n.author + " " + clock(n.at) + "：" }), el("span", { text: n.text })
    ]));
  }
  if (document.activeElement !== $("tags")) $("tags").value = tags.join("，");
  $("worksheet-count").textContent = notes.length + tags.length ? "（" + notes.length + " 条备注，" + tags.length + " 个标签）" : "";
  const earlier = t.earlier || [];
  $("earlier").hidden = !earlier.length;
  $("earlier").textContent = earlier.length ? "此前的工单：" + earlier.map((e) =>
    "#" + e.number + "（" + label(TEXT.status, e.status) + "）").join("、") : "";
}

export async function addNote(e) {
  e.preventDefault();
  const text = $("note-text").value.trim();
  if (!text || !state.ticket) return;
  try {
    await api("POST", "/api/agent/tickets/" + encodeURIComponent(state.ticket.ticketId) + "/notes", { text });
  } catch (problem) {
    showError(problem);
    return;
  }
  $("note-text").value = "";
  loadTicket(state.ticket.ticketId, false);
}

export async function saveTags(e) {
  e.preventDefault();
  if (!state.ticket) return;
  try {
    await api("POST", "/api/agent/tickets/" + encodeURIComponent(state.ticket.ticketId) + "/tags",
      { tags: parseTags($("tags").value) });
  } catch (problem) {
    showError(problem);
    return;
  }
  $("tags").blur();
  loadTicket(state.ticket.ticketId, false);
}
