/**
 * The message box: growing textarea, character counter, a notice at the length limit (text over it
 * stays in the box and is not sent), Enter to send (not while an IME composes).
 */
import { lengthNotice } from "./format.js";
import { MAX_CHARS, TEXT } from "./text.js";

/** Wires {@code ui}'s form; {@code submit(text)} receives what the user sends. */
export function createComposer(ui, submit) {
  function resize() {
    ui.input.style.height = "auto";
    ui.input.style.height = `${Math.min(ui.input.scrollHeight + 2, 110)}px`;
    const length = lengthNotice(ui.input.value);
    ui.counter.hidden = length.count < MAX_CHARS * 0.8;
    ui.counter.textContent = TEXT.counter(length.count);
    ui.counter.classList.toggle("over", length.over);
    ui.limit.hidden = !length.notice;
    ui.limit.classList.toggle("over", length.over);
    if (ui.limit.textContent !== (length.notice || "")) ui.limit.textContent = length.notice || "";
    ui.send.disabled = !ui.input.value.trim() || length.over;
  }

  function send() {
    const text = ui.input.value;
    if (!text.trim() || lengthNotice(text).over) return;
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
  /** Puts {@code text} in the box (to shorten it before sending). */
  function fill(text) {
    ui.input.value = text;
    resize();
    ui.input.focus();
  }

  return Object.freeze({ resize, fill });
}
