/** The message box: growing textarea, character counter, Enter to send (not while an IME composes). */
import { MAX_CHARS, TEXT } from "./text.js";

/** Wires {@code ui}'s form; {@code submit(text)} receives what the user sends. */
export function createComposer(ui, submit) {
  function resize() {
    ui.input.style.height = "auto";
    ui.input.style.height = `${Math.min(ui.input.scrollHeight + 2, 110)}px`;
    const length = ui.input.value.length;
    ui.counter.hidden = length < MAX_CHARS * 0.8;
    ui.counter.textContent = TEXT.counter(length);
    ui.send.disabled = !ui.input.value.trim();
  }

  function send() {
    const text = ui.input.value;
    if (!text.trim()) return;
    ui.input.value = "";
    resize();
    submit(text);
    ui.input.focus();
  }

  ui.form.addEventListener("submit", (e) => {
    e.preventDefault();
    send();
  });
  ui.input.addEventListener("input", resize);
  ui.input.addEventListener("keydown", (e) => {
    // 229: Chinese IME still composing (Safari reports isComposing false on the final Enter)
    if (e.key !== "Enter" || e.shiftKey || e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    send();
  });
  return Object.freeze({ resize });
}
