/** The queue: waiting, assigned and ended tickets, counted, listed and paged, with live wait times. */
import { api } from "./api.js";
import { showError } from "./banner.js";
import { $, announce, clear, el } from "./dom.js";
import { countText, isMine, lastLine, pageTitle, ticketSub, ticketTitle, unreadOf } from "./format.js";
import { ENDED_PAGE, OPEN_LIMIT, state } from "./store.js";
import { TEXT } from "./text.js";
import { select } from "./ticket.js";

/** Fetches the open lists (and the newest ended page while it is shown), then renders them. */
export async function refreshLists() {
  if (!state.session) return;
  // ended tickets only pile up: fetched only while the agent looks at them, one page at a time
  const paths = ["waiting", "assigned"].map((s) => "/api/agent/tickets?status=" + s + "&limit=" + OPEN_LIMIT)
    .concat(state.filter === "ended" ? ["/api/agent/tickets?status=ended&limit=" + ENDED_PAGE] : []);
  try {
    const bodies = await Promise.all(paths.map((path) => api("GET", path)));
    state.listedAt = performance.now();
    state.lists.waiting = bodies[0].tickets;
    state.lists.assigned = bodies[1].tickets;
    if (bodies.length > 2) newestEnded(bodies[2]);
    renderLists();
  } catch (problem) {
    showError(problem);
  }
}

/** The newest page of ended tickets; older pages already loaded stay below it if they join up. */
function newestEnded(page) {
  const fresh = new Set(page.tickets.map((t) => t.ticketId));
  const joined = state.lists.ended.some((t) => fresh.has(t.ticketId));
  if (state.endedPaged && joined) {
    // the newest page overlaps what is listed: anything listed and not in it is older
    state.lists.ended = page.tickets.concat(state.lists.ended.filter((t) => !fresh.has(t.ticketId)));
  } else {
    state.lists.ended = page.tickets;
    state.endedNext = page.next;
    state.endedPaged = false;
  }
}

async function loadOlder(button) {
  if (!state.endedNext) return;
  button.disabled = true;
  button.textContent = TEXT.loadingOlder;
  try {
    const page = await api("GET", "/api/agent/tickets?status=ended&limit=" + ENDED_PAGE + "&before="
      + encodeURIComponent(state.endedNext));
    const listed = new Set(state.lists.ended.map((t) => t.ticketId));
    const older = page.tickets.filter((t) => !listed.has(t.ticketId));
    state.lists.ended = state.lists.ended.concat(older);
    state.endedNext = page.next;
    state.endedPaged = true;
    renderLists();
    announce(TEXT.olderLoaded(older.length));
    const first = older.length ? $("tickets").querySelector("[data-ticket=\"" + CSS.escape(older[0].ticketId) + "\"]") : null;
    if (first) first.focus();
  } catch (problem) {
    showError(problem);
    button.disabled = false;
    button.textContent = TEXT.older;
  }
}

/** Coalesces bursts of live events into one refresh. */
export function scheduleRefresh() {
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(refreshLists, 150);
}

export function renderLists() {
  for (const s of ["waiting", "assigned"]) {
    const count = document.querySelector("[data-testid=count-" + s + "]");
    const n = state.lists[s].length;
    count.textContent = countText(n, OPEN_LIMIT);
    count.setAttribute("data-n", String(n));
  }
  const unread = state.lists.assigned.filter((t) => isMine(t, state.session))
    .reduce((n, t) => n + unreadOf(t, state.selected, state.unread), 0);
  document.title = pageTitle(state.lists.waiting.length, unread);
  const list = $("tickets");
  const hadFocus = list.contains(document.activeElement) ? document.activeElement.getAttribute("data-ticket") : null;
  clear(list);
  const found = state.filter === "ended" ? state.search : null;
  $("search-note").hidden = !found;
  $("search-text").textContent = found ? TEXT.searchResults(found.query, found.tickets.length) : "";
  const tickets = found ? found.tickets : state.lists[state.filter];
  if (!tickets.length) {
    list.appendChild(el("li", { className: "empty-list", text: found ? TEXT.noMatches : TEXT.noTickets[state.filter],
      "data-testid": "no-tickets" }));
  }
  for (const t of tickets) list.appendChild(el("li", {}, [ticketItem(t)]));
  if (state.filter === "ended" && !found && state.endedNext) {
    list.appendChild(el("li", {}, [el("button", {
      type: "button", className: "btn more", text: TEXT.older, "data-testid": "load-older",
      onclick: (e) => loadOlder(e.currentTarget)
    })]));
  }
  if (hadFocus) {
    const again = list.querySelector("[data-ticket=\"" + CSS.escape(hadFocus) + "\"]");
    if (again) again.focus();
  }
  tick();
}

function ticketItem(t) {
  const unread = unreadOf(t, state.selected, state.unread);
  const last = lastLine(t);
  const wait = el("span", { className: "wait", "data-testid": "ticket-wait" });
  if (t.status === "waiting") wait.setAttribute("data-waited", String(t.waitSeconds));
  else wait.textContent = TEXT.waitedFor(TEXT.duration(t.waitSeconds));
  return el("button", {
    type: "button", className: "ticket-item", "data-ticket": t.ticketId, "data-testid": "ticket-item",
    "data-status": t.status, "data-priority": String(t.priority), "data-conversation": t.conversationId,
    "aria-current": state.selected === t.ticketId ? "true" : "false",
    onclick: () => select(t.ticketId)
  }, [
    el("span", { className: "row" }, [
      t.priority === 0 ? el("span", { className: "badge urgent", text: "紧急", "data-testid": "urgent" }) : null,
      el("span", { className: "title", text: ticketTitle(t) }),
      unread ? el("span", { className: "badge unread-count", text: TEXT.unreadN(unread), "data-testid": "unread" }) : null,
      wait
    ]),
    el("span", { className: "sub", text: ticketSub(t) }),
    last ? el("span", { className: "sub last", text: last, "data-testid": "last-message" }) : null
  ]);
}

/** Live wait times: counted on from the server's waitSeconds, so the agent's clock does not matter. */
export function tick() {
  const elapsed = (performance.now() - state.listedAt) / 1000;
  document.querySelectorAll("[data-waited]").forEach((node) => {
    const waited = TEXT.duration(Number(node.getAttribute("data-waited")) + elapsed);
    node.textContent = node.hasAttribute("data-bare") ? waited : TEXT.waitedFor(waited);
  });
}

/** Shows the list of {@code filter}; leaving the ended list ends a search. */
export function setFilter(filter) {
  if (filter !== "ended") state.search = null;
  state.filter = filter;
  document.querySelectorAll("[data-filter]").forEach((b) => {
    b.setAttribute("aria-pressed", b.getAttribute("data-filter") === filter ? "true" : "false");
  });
  renderLists();
  if (filter === "ended") refreshLists();
}

/** Alt+↑/↓ walks the queue without leaving the keyboard. */
export function walkQueue(e) {
  if (!state.session || !e.altKey || (e.key !== "ArrowDown" && e.key !== "ArrowUp")) return;
  const items = Array.from(document.querySelectorAll(".ticket-item"));
  if (!items.length) return;
  e.preventDefault();
  const at = items.findIndex((b) => b.getAttribute("data-ticket") === state.selected);
  const next = items[Math.max(0, Math.min(items.length - 1, at + (e.key === "ArrowDown" ? 1 : -1)))];
  next.focus();
  select(next.getAttribute("data-ticket"));
}
