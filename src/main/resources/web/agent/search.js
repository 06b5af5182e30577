/** The search of ended conversations by number (#1024), tag (tag:退款) or transcript text, shown in the ended list. */
import { api } from "./api.js";
import { showError } from "./banner.js";
import { $ } from "./dom.js";
import { renderLists, setFilter } from "./queue.js";
import { state } from "./store.js";

export async function submitSearch(e) {
  e.preventDefault();
  const query = $("search").value.trim();
  if (!query) {
    clearSearch();
    return;
  }
  let body;
  try {
    body = await api("GET", "/api/agent/search?q=" + encodeURIComponent(query));
  } catch (problem) {
    showError(problem);
    return;
  }
  state.search = { query, tickets: body.tickets };
  if (state.filter === "ended") renderLists();
  else setFilter("ended");
}

export function clearSearch() {
  state.search = null;
  $("search").value = "";
  renderLists();
  $("search").focus();
}
