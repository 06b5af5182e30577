/**
 * On a phone the open panel covers the screen, so it behaves as a modal dialog there: aria-modal,
 * Tab and Shift+Tab kept inside the panel, and the page behind not scrolling. On a wider screen it
 * is a non-modal panel beside the page, and Tab moves on to the page as usual.
 */

/** The same width as the full-screen rule in widget.css. */
const PHONE = "(max-width: 480px)";
const FOCUSABLE = "button:not([disabled]), textarea:not([disabled]), [tabindex='0']";

export function createModal(ui) {
  const phone = window.matchMedia(PHONE);
  let locked = null; // the page's own overflow values while it is locked

  const focusables = () => Array.from(ui.panel.querySelectorAll(FOCUSABLE)).filter((e) => e.getClientRects().length > 0);

  function lock(on) {
    const page = [document.documentElement, document.body].filter(Boolean);
    if (on && !locked) {
      locked = page.map((e) => e.style.overflow);
      page.forEach((e) => { e.style.overflow = "hidden"; });
    } else if (!on && locked) {
      page.forEach((e, i) => { e.style.overflow = locked[i] || ""; });
      locked = null;
    }
  }

  /** Applies the mode for the panel's open state and the screen's width. */
  function update() {
    const modal = !ui.panel.hidden && phone.matches;
    if (modal) ui.panel.setAttribute("aria-modal", "true");
    else ui.panel.removeAttribute("aria-modal");
    lock(modal);
  }

  ui.panel.addEventListener("keydown", (e) => {
    if (e.key !== "Tab" || !phone.matches) return;
    const stops = focusables();
    if (!stops.length) return;
    const active = ui.panel.getRootNode().activeElement;
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (e.shiftKey && (active === first || !stops.includes(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !stops.includes(active))) {
      e.preventDefault();
      first.focus();
    }
  });
  if (phone.addEventListener) phone.addEventListener("change", update);
  return Object.freeze({ update });
}
