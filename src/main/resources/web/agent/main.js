/**
 * kefu agent console: wires the page (index.html) to one module per concern. The session
 * (session.js), the queue (queue.js), the open ticket (ticket.js, transcript.js, worksheet.js,
 * faq.js), the reply box (composer.js), moves (moves.js), the search of ended chats (search.js),
 * presence, alerts and the live stream (live.js); state in store.js, text in text.js, pure logic in format.js and api.js.
 */
import { alertsOn, setAlerts } from "./alerts.js";
import "./decision.js"; // the "why" view of a bot reply (listens on the document)
import { clearError, onSessionOver } from "./banner.js";
import { onReplyKey, sendReply, signalTyping, updateCanned, updateCounter } from "./composer.js";
import { $ } from "./dom.js";
import { cancelConfirm, claim, confirmClosed, confirmed, confirmMove, openTransfer, transferred, unassign } from "./moves.js";
import { setPresence } from "./presence.js";
import { setFilter, walkQueue } from "./queue.js";
import { clearSearch, submitSearch } from "./search.js";
import { logout, start, submitLogin } from "./session.js";
import { addNote, saveTags } from "./worksheet.js";

onSessionOver(logout);
$("login-form").addEventListener("submit", submitLogin);
$("logout").addEventListener("click", () => logout(""));
$("presence").addEventListener("change", setPresence);
$("alerts").checked = alertsOn();
$("alerts").addEventListener("change", setAlerts);
$("transfer").addEventListener("click", openTransfer);
$("unassign").addEventListener("click", unassign);
$("transfer-form").addEventListener("submit", transferred);
$("transfer-cancel").addEventListener("click", () => $("transfer-dialog").close());
$("error-close").addEventListener("click", clearError);
document.querySelectorAll("[data-filter]").forEach((b) => {
  b.addEventListener("click", () => setFilter(b.getAttribute("data-filter")));
});
$("claim").addEventListener("click", claim);
$("close").addEventListener("click", () => confirmMove("close"));
$("handback").addEventListener("click", () => confirmMove("handback"));
$("confirm-form").addEventListener("submit", confirmed);
$("confirm-cancel").addEventListener("click", cancelConfirm);
$("confirm").addEventListener("close", confirmClosed);
$("reply-form").addEventListener("submit", (e) => {
  e.preventDefault();
  sendReply();
});
$("reply").addEventListener("input", updateCounter);
$("reply").addEventListener("input", updateCanned);
$("reply").addEventListener("input", signalTyping);
$("reply").addEventListener("keydown", onReplyKey);
$("note-form").addEventListener("submit", addNote);
$("tags-form").addEventListener("submit", saveTags);
$("search-form").addEventListener("submit", submitSearch);
$("search-clear").addEventListener("click", clearSearch);
document.addEventListener("keydown", walkQueue);
start();
