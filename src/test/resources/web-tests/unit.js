/** A very small test runner for the browser: results go to window.unitResults and the page's list. */
const results = [];

export function test(name, body) {
  try {
    body();
    results.push({ name, ok: true, message: "" });
  } catch (e) {
    results.push({ name, ok: false, message: String(e && e.message ? e.message : e) });
  }
}

export function equal(actual, expected, what = "value") {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new Error(`${what}: expected ${b}, was ${a}`);
}

/** Publishes the results; the Java side waits for window.unitResults. */
export function report() {
  const list = document.getElementById("results");
  for (const r of results) {
    const item = document.createElement("li");
    item.textContent = `${r.ok ? "ok" : "FAIL"} ${r.name} ${r.message}`;
    list.appendChild(item);
  }
  window.unitResults = results;
}
