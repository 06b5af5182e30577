/** Online (auto-assigned) or away: accounts only. */
import { api } from "./api.js";
import { showError } from "./banner.js";
import { $, announce } from "./dom.js";
import { refreshLists } from "./queue.js";
import { state } from "./store.js";
import { TEXT } from "./text.js";

export async function setPresence() {
  const presence = $("presence").value;
  try {
    await api("POST", "/api/agent/presence", { presence });
  } catch (problem) {
    $("presence").value = state.session.presence === "online" ? "online" : "away";
    showError(problem);
    return;
  }
  state.session.presence = presence;
  announce(TEXT.presence[presence]);
  refreshLists();
}
