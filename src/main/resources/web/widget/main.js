/**
 * kefu chat widget: started by the one-tag loader /widget.js, which passes its own script element.
 * Everything lives in a Shadow DOM, so the host page's styles neither leak in nor out.
 * Page API: window.kefu.open(), .close(), .toggle(), .ask(text), .reset().
 */
import { createApi } from "./api.js";
import { createComposer } from "./composer.js";
import { createConversation } from "./conversation.js";
import { createLive } from "./live.js";
import { createModal } from "./modal.js";
import { readOptions } from "./options.js";
import { keys as storageKeys, load, save } from "./storage.js";
import { TEXT } from "./text.js";
import { createHost, createUi, scrollToEnd } from "./view.js";

async function styleSheet() {
  const response = await fetch(new URL("widget.css", import.meta.url));
  if (!response.ok) throw new Error(`widget.css: HTTP ${response.status}`);
  return response.text();
}

/**
 * Where the launcher sits in the page's tab order: in place of an empty {@code <kefu-chat>} the page
 * put where it wants it (after its skip link, say), else first in the body, so that a keyboard user
 * reaches it at once rather than after every link of the page.
 */
function place(host) {
  const slot = document.querySelector("kefu-chat:not([data-position])");
  if (slot) slot.replaceWith(host);
  else if (document.body) document.body.prepend(host);
  else document.documentElement.appendChild(host);
}

/** Builds the widget for the embedding {@code script} element and sets window.kefu. */
let started = false;

export async function start(script) {
  if (started || (window.kefu && window.kefu.version)) return; // included twice: keep the first widget
  started = true;
  const attr = (name) => (script ? script.getAttribute(`data-${name}`) : null);
  const origin = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  const options = readOptions(attr, origin, (color) => CSS.supports("color", color));
  const keys = storageKeys(options.api);
  const { host, root } = createHost(options, await styleSheet());
  const api = createApi(options.api);

  const on = { toggle: () => toggle(), close: () => close(), retry: () => conversation.retry(), human: () => conversation.send(TEXT.humanText),
    cancel: () => conversation.send(TEXT.cancelText) };
  const ui = createUi(root, options, on);
  const parts = { options, api, ui, host, keys, live: null };
  const conversation = createConversation(parts);
  parts.live = createLive(api, {
    status: (handoff) => conversation.setMode(handoff),
    line: (line) => conversation.addLiveLine(line),
    typing: () => conversation.agentTyping(),
    gone: () => conversation.forget(),
    stillWaiting: () => conversation.handedOff()
  });
  const composer = createComposer(ui, (text) => conversation.send(text));
  ui.input.addEventListener("input", () => { if (ui.input.value.trim()) conversation.typing(); });
  const modal = createModal(ui);

  function open(focus) {
    ui.panel.hidden = false;
    host.setAttribute("data-open", "");
    ui.launcher.setAttribute("aria-expanded", "true");
    save("sessionStorage", keys.open, "1");
    conversation.opened();
    modal.update();
    scrollToEnd(ui);
    if (focus !== false) ui.input.focus();
  }

  function close() {
    const hadFocus = root.activeElement !== null;
    ui.panel.hidden = true;
    host.removeAttribute("data-open");
    ui.launcher.setAttribute("aria-expanded", "false");
    ui.launcher.setAttribute("aria-label", TEXT.launcherOpen);
    save("sessionStorage", keys.open, null);
    modal.update();
    if (hadFocus) ui.launcher.focus();
  }

  function toggle() {
    if (ui.panel.hidden) open();
    else close();
  }

  ui.panel.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !e.isComposing) {
      e.preventDefault();
      close();
    }
  });

  conversation.greet();
  place(host);
  conversation.start();
  if (load("sessionStorage", keys.open)) open(false);

  window.kefu = Object.freeze({
    version: "2",
    open: () => open(),
    close: () => close(),
    toggle: () => toggle(),
    /**
     * Opens the panel and sends {@code text} as the user's message; text over the length limit is put
     * in the message box with the notice instead (to shorten), and false is returned.
     */
    ask: (text) => {
      open();
      if (conversation.send(text)) return true;
      if (String(text || "").trim()) composer.fill(String(text));
      return false;
    },
    /** Forgets the conversation in this browser and starts a new one. */
    reset: () => conversation.reset()
  });
}
