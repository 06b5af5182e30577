/** localStorage / sessionStorage that may be missing or full: the widget then just forgets on reload. */

function storage(kind) {
  try {
    return window[kind];
  } catch (e) {
    return null; // blocked in some privacy modes
  }
}

export function load(kind, key) {
  const s = storage(kind);
  try {
    return s ? s.getItem(key) : null;
  } catch (e) {
    return null;
  }
}

/** Stores {@code value}, or removes the key when it is null. */
export function save(kind, key, value) {
  const s = storage(kind);
  try {
    if (!s) return;
    if (value === null) s.removeItem(key);
    else s.setItem(key, value);
  } catch (e) {
    // quota or privacy mode: the widget still works, it just forgets on reload
  }
}

/** The keys of one kefu server's data in this browser. */
export function keys(api) {
  return Object.freeze({
    conversation: `kefu.conversation:${api}`,
    open: `kefu.open:${api}`,
    chips: `kefu.suggestions:${api}` // the transcript API does not return suggestions
  });
}
