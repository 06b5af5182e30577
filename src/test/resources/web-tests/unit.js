/** A very small test runner for the browser: results go to window.unitResults and the page's list. */
const results = [];
const pending = [];

/** Runs {@code body}; one that returns a promise passes when it resolves (report() waits for it). */
export function test(name, body) {
  const failed = (e) => results.push({ name, ok: false, message: String(e && e.message ? e.message : e) });
  try {
    const outcome = body();
    if (outcome && typeof outcome.then === "function") {
      pending.push(outcome.then(() => results.push({ name, ok: true, message: "" }), failed));
      return;
    }
    results.push({ name, ok: true, message: "" });
  } catch (e) {
    failed(e);
  }
}

export function equal(actual, expected, what = "value") {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new Error(`${what}: expected ${b}, was ${a}`);
}

/** Publishes the results once every test has finished; the Java side waits for window.unitResults. */
export async function report() {
  await Promise.all(pending);
  const list = document.getElementById("results");
  for (const r of results) {
    const item = document.createElement("li");
    item.textContent = `${r.ok ? "ok" : "FAIL"} ${r.name} ${r.message}`;
    list.appendChild(item);
  }
  window.unitResults = results;
}
