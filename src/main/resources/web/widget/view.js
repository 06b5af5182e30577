/** The widget's DOM: the shadow root, the launcher, the panel and the rendering of messages. */
import { el, icon, ICON_CHAT, ICON_CLOSE } from "./dom.js";
import { clock, timeOf, waitingText } from "./format.js";
import { TEXT } from "./text.js";

/** The shadow host with its style sheet; a custom element name, so page rules for div and friends cannot reach it. */
export function createHost(options, css) {
  const host = el("kefu-chat", { "data-position": options.position });
  host.style.setProperty("--kefu-accent", options.accent);
  const root = host.attachShadow({ mode: "open" });
  if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === "function" && CSSStyleSheet.prototype.replaceSync) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css); // constructed sheets are not blocked by a strict style-src CSP
    root.adoptedStyleSheets = [sheet];
  } else {
    root.appendChild(el("style", { text: css }));
  }
  return { host, root };
}

/** Builds the launcher and the panel into {@code root}; {@code on} holds the click handlers. */
export function createUi(root, options, on) {
  const ui = {};
  ui.badge = el("span", { className: "badge", "data-testid": "kefu-unread", hidden: true });
  ui.launcher = el("button", {
    className: "launcher", type: "button", "aria-label": TEXT.launcherOpen, "aria-expanded": "false",
    "aria-controls": "kefu-panel", "data-testid": "kefu-launcher", onclick: on.toggle
  }, [icon(ICON_CHAT, "when-closed"), icon(ICON_CLOSE, "when-open"), ui.badge]);
  ui.subtitle = el("div", { className: "subtitle", "data-testid": "kefu-status", text: TEXT.subtitleBot });
  ui.close = el("button", {
    className: "icon-btn", type: "button", "aria-label": TEXT.close, title: TEXT.close,
    "data-testid": "kefu-close", onclick: on.close
  }, [icon(ICON_CLOSE)]);
  ui.handoffText = el("span", { className: "spacer" });
  ui.cancel = el("button", {
    className: "cancel", type: "button", text: TEXT.cancelHandoff, "data-testid": "kefu-cancel-handoff",
    onclick: on.cancel, hidden: true
  });
  ui.handoff = el("div", { className: "banner handoff", role: "status", "data-testid": "kefu-handoff", hidden: true },
    [el("span", { className: "dot", "aria-hidden": "true" }), ui.handoffText, ui.cancel]);
  ui.errorText = el("span", { className: "spacer" });
  ui.retry = el("button", { type: "button", text: TEXT.retry, "data-testid": "kefu-retry", onclick: on.retry });
  ui.error = el("div", { className: "banner error", role: "alert", "data-testid": "kefu-error", hidden: true },
    [ui.errorText, ui.retry]);
  ui.log = el("div", {
    className: "log", role: "log", "aria-live": "polite", "aria-relevant": "additions", "aria-label": TEXT.log,
    tabindex: "0", "data-testid": "kefu-log"
  });
  ui.typing = el("div", { className: "msg bot", "data-testid": "kefu-typing", hidden: true }, [
    el("div", { className: "bubble typing", role: "img", "aria-label": TEXT.typing }, [el("span"), el("span"), el("span")])
  ]);
  ui.log.appendChild(ui.typing);
  ui.agentTyping = el("div", { className: "agent-typing", role: "status", "data-testid": "kefu-agent-typing", hidden: true });
  ui.human = el("button", { className: "human", type: "button", text: TEXT.human, "data-testid": "kefu-human", onclick: on.human });
  ui.counter = el("span", { className: "counter", "aria-hidden": "true", "data-testid": "kefu-counter", hidden: true });
  // No maxlength: the browser would cut a long paste silently. The notice below says what is too much instead.
  ui.limit = el("div", { className: "limit", id: "kefu-limit", role: "status", "data-testid": "kefu-limit", hidden: true });
  ui.input = el("textarea", {
    rows: "1", "aria-label": TEXT.input, placeholder: TEXT.placeholder,
    "aria-describedby": "kefu-keys kefu-limit", enterkeyhint: "send", "data-testid": "kefu-input"
  });
  ui.send = el("button", { className: "send", type: "submit", text: TEXT.send, "data-testid": "kefu-send", disabled: true });
  ui.form = el("form", { className: "composer", "aria-label": TEXT.input }, [
    el("div", { className: "tools" }, [ui.human, ui.counter]),
    ui.limit,
    el("div", { className: "row" }, [ui.input, ui.send]),
    el("span", { className: "sr", id: "kefu-keys", text: TEXT.keys })
  ]);
  ui.panel = el("section", {
    id: "kefu-panel", className: "panel", role: "dialog", "aria-labelledby": "kefu-title", "data-testid": "kefu-panel", hidden: true
  }, [
    el("header", { className: "head" }, [
      el("div", { className: "avatar", "aria-hidden": "true", text: "智" }),
      el("div", { className: "titles" }, [el("h2", { className: "title", id: "kefu-title", text: options.title }), ui.subtitle]),
      ui.close
    ]),
    ui.handoff, ui.error, ui.log, ui.agentTyping, ui.form
  ]);
  root.appendChild(ui.panel);
  root.appendChild(ui.launcher);
  return ui;
}

export function scrollToEnd(ui) {
  ui.log.scrollTop = ui.log.scrollHeight;
}

/** A message node (role user, bot, agent or system), not yet in the log. */
export function messageNode(role, text, time) {
  const date = timeOf(time);
  const who = role === "user" ? TEXT.you : role === "agent" ? TEXT.agent : role === "system" ? null : TEXT.bot;
  return el("div", { className: `msg ${role}`, "data-testid": "kefu-message", "data-role": role }, [
    who && role !== "user" ? el("div", { className: "who", "aria-hidden": "true", text: who }) : null,
    el("span", { className: "sr", text: `${who || TEXT.system}：` }),
    el("div", { className: "bubble", "data-testid": "kefu-text", text }),
    role === "system" ? null : el("div", { className: "meta" }, [
      el("time", { datetime: date.toISOString(), "data-testid": "kefu-time", text: clock(date) })
    ])
  ]);
}

/** Appends {@code node} (a message or a chip group) to the log, above the typing dots. */
export function append(ui, node) {
  ui.log.insertBefore(node, ui.typing);
  scrollToEnd(ui);
  return node;
}

/** A group of suggestion chips; {@code ask} sends the one clicked. */
export function chipsNode(questions, ask) {
  return el("div", { className: "chips", role: "group", "aria-label": TEXT.chips, "data-testid": "kefu-chips" },
    questions.map((question) => el("button", {
      className: "chip", type: "button", text: question, "data-testid": "kefu-chip", onclick: () => ask(question)
    })));
}

/** Thumbs under an answer's time; {@code rate(helpful)} resolves to whether the server kept the rating. */
export function addRating(node, rate) {
  const meta = node.querySelector(".meta");
  if (!meta) return;
  const note = el("span", { "data-testid": "kefu-rated", hidden: true, text: TEXT.rated });
  const buttons = [true, false].map((helpful) => el("button", {
    className: "rate", type: "button", "aria-pressed": "false",
    "aria-label": helpful ? TEXT.helpful : TEXT.unhelpful, title: helpful ? TEXT.helpful : TEXT.unhelpful,
    "data-testid": helpful ? "kefu-helpful" : "kefu-unhelpful", text: helpful ? "👍" : "👎",
    onclick: async () => {
      if (!(await rate(helpful))) return;
      buttons[0].setAttribute("aria-pressed", String(helpful));
      buttons[1].setAttribute("aria-pressed", String(!helpful));
      note.hidden = false;
    }
  }));
  buttons.forEach((b) => meta.appendChild(b));
  meta.appendChild(note);
}

/** Shows or hides 「客服正在输入…」 under the log. */
export function setAgentTyping(ui, on) {
  ui.agentTyping.textContent = on ? TEXT.agentTyping : "";
  ui.agentTyping.hidden = !on;
}

export function setTyping(ui, on) {
  ui.typing.hidden = !on;
  ui.log.setAttribute("aria-busy", on ? "true" : "false");
  if (on) scrollToEnd(ui);
}

/** Marks a user message as not sent, or as sent again. */
export function markFailed(node, failed) {
  node.classList.toggle("failed", failed);
  const meta = node.querySelector(".meta");
  const flag = node.querySelector("[data-testid=kefu-not-sent]");
  if (failed && meta && !flag) meta.appendChild(el("span", { "data-testid": "kefu-not-sent", text: TEXT.notSent }));
  if (!failed && flag) flag.remove();
}

/** The error banner; {@code retriable} shows the retry button. */
export function showError(ui, message, retriable) {
  ui.errorText.textContent = message;
  ui.retry.hidden = !retriable;
  ui.error.hidden = false;
}

/** Header, banner and button for a mode (bot, waiting, assigned) and queue position. */
export function renderMode(ui, host, mode, position, agentName) {
  host.setAttribute("data-mode", mode);
  ui.handoff.hidden = mode === "bot";
  ui.handoff.setAttribute("data-state", mode);
  ui.human.disabled = mode !== "bot";
  ui.cancel.hidden = mode !== "waiting"; // once an agent has it, cancelling is theirs to do
  ui.human.textContent = mode === "bot" ? TEXT.human : TEXT.humanBusy;
  ui.subtitle.textContent = mode === "waiting" ? TEXT.subtitleWaiting : mode === "assigned" ? TEXT.subtitleAssigned : TEXT.subtitleBot;
  if (mode === "waiting") {
    ui.handoff.setAttribute("data-position", String(position));
    ui.handoffText.textContent = waitingText(position);
  } else if (mode === "assigned") {
    ui.handoff.setAttribute("data-position", "0");
    ui.handoffText.textContent = agentName ? TEXT.assignedBy(agentName) : TEXT.assigned;
  }
}

/**
 * The survey after an agent's chat: 1-5 stars and an optional comment; {@code submit(rating)}
 * resolves true when it was stored.
 */
export function surveyNode(submit) {
  let stars = 0;
  const note = el("p", { className: "survey-note", role: "status", "data-testid": "kefu-survey-note" });
  const comment = el("textarea", { maxlength: "500", rows: "2", "aria-label": TEXT.surveyComment,
    placeholder: TEXT.surveyComment, "data-testid": "kefu-survey-comment" });
  const send = el("button", { type: "submit", className: "survey-send", disabled: true, text: TEXT.surveySend,
    "data-testid": "kefu-survey-send" });
  const buttons = [1, 2, 3, 4, 5].map((n) => el("button", {
    type: "button", className: "star", "aria-pressed": "false", "aria-label": TEXT.star(n), title: TEXT.star(n),
    "data-testid": "kefu-star", text: "★",
    onclick: () => {
      stars = n;
      buttons.forEach((b, i) => b.setAttribute("aria-pressed", i < n ? "true" : "false"));
      send.disabled = false;
    }
  }));
  const form = el("form", { className: "survey", "data-testid": "kefu-survey", "aria-label": TEXT.surveyTitle }, [
    el("p", { className: "survey-title", text: TEXT.surveyTitle }),
    el("div", { className: "stars", role: "group", "aria-label": TEXT.surveyTitle }, buttons),
    comment, send, note
  ]);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!stars) return;
    send.disabled = true;
    const rating = comment.value.trim() ? { stars, comment: comment.value.trim() } : { stars };
    if (await submit(rating)) {
      note.textContent = TEXT.surveyThanks;
      buttons.forEach((b) => { b.disabled = true; });
      comment.disabled = true;
    } else {
      note.textContent = TEXT.surveyFailed;
      send.disabled = false;
    }
  });
  return form;
}

/** A button under the reply that offers a person: one click asks for one. */
export function offerNode(onAccept) {
  return el("div", { className: "chips offer", "data-testid": "kefu-offer" }, [
    el("button", { className: "chip", type: "button", text: TEXT.offerPerson, "data-testid": "kefu-offer-person",
      onclick: (e) => { e.currentTarget.disabled = true; onAccept(); } })
  ]);
}

/** The unread badge and the launcher's label. */
export function renderUnread(ui, unread, open) {
  ui.badge.hidden = unread === 0;
  ui.badge.textContent = String(unread);
  ui.launcher.setAttribute("aria-label", unread > 0 ? `${TEXT.launcherOpen}（${TEXT.unread(unread)}）`
    : open ? TEXT.launcherClose : TEXT.launcherOpen);
}
