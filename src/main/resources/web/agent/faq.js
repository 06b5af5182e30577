/** The FAQ answers suggested for the open ticket, inserted into the reply box with a click. */
import { api } from "./api.js";
import { insertAnswer } from "./composer.js";
import { $, clear, el } from "./dom.js";
import { lastUserText } from "./format.js";
import { state } from "./store.js";
import { TEXT } from "./text.js";
import { renderControls } from "./ticket.js";

export function renderFaq(t) {
  const list = $("faq-list");
  clear(list);
  const lastUser = lastUserText(t.messages);
  $("faq-for").textContent = lastUser ? TEXT.faqFor(lastUser) : TEXT.faqEmpty;
  const suggestions = t.faqSuggestions || [];
  if (lastUser && !suggestions.length) list.appendChild(el("li", { className: "empty-list", text: TEXT.faqNone }));
  for (const s of suggestions) {
    list.appendChild(el("li", {}, [el("button", {
      type: "button", className: "faq-item", "data-testid": "faq-suggestion", "data-faq": s.faqId,
      onclick: () => insertAnswer(s.answer)
    }, [
      el("span", { className: "q", text: s.question }),
      el("span", { className: "a", text: s.answer }),
      el("span", { className: "use", "aria-hidden": "true", text: TEXT.faqUse })
    ])]));
  }
}

/** The FAQ suggestions follow the user's newest message. */
export function loadFaqQuietly() {
  const id = state.selected;
  clearTimeout(state.faqTimer);
  state.faqTimer = setTimeout(async () => {
    let t;
    try {
      t = await api("GET", "/api/agent/tickets/" + encodeURIComponent(id));
    } catch (e) {
      return; // suggestions are a convenience: keep the old ones
    }
    if (state.selected !== id || !state.ticket) return;
    state.ticket.faqSuggestions = t.faqSuggestions;
    state.ticket.messages = t.messages;
    renderFaq(t);
    renderControls(state.ticket);
  }, 300);
}
