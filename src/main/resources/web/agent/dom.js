/** Element builders and look-ups: text only, never innerHTML with data. */

/** The page's element of {@code id}. */
export const $ = (id) => document.getElementById(id);

/** Builds {@code tag} with props (text, className, on* listeners, other attributes) and children. */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "className") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child) node.appendChild(child);
  }
  return node;
}

/** Removes every child of {@code node}. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Says {@code text} to screen readers (the page's polite status region). */
export function announce(text) {
  $("announce").textContent = "";
  setTimeout(() => { $("announce").textContent = text; }, 50);
}
