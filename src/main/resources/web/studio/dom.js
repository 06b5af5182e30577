// Element builders: text goes in with textContent, never as markup.
export const $ = (id) => document.getElementById(id);

export function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function show(node, visible) {
  node.hidden = !visible;
}
