// Unit tests of report-format.js, run in the browser by AgentModulesBrowserIT: the page's result line
// reads "N passed, M failed" and names each failure.
import { barRows, duration, percent } from "/agent/assets/report-format.js";

const results = [];
function check(name, actual, expected) {
  results.push({ name, ok: JSON.stringify(actual) === JSON.stringify(expected), actual, expected });
}

check("seconds", duration(12.4), "12 秒");
check("minutes", duration(185), "3 分 5 秒");
check("hours", duration(3720), "1 小时 2 分");
check("no duration", duration(null), "—");
check("percent", percent(0.875), "87.5%");
check("no percent", percent(null), "—");
check("bars of the largest", barRows([{ value: 2 }, { value: 4 }]).map((r) => r.fraction), [0.5, 1]);
check("bars of a maximum", barRows([{ value: 4, max: 5 }]).map((r) => r.fraction), [0.8]);
check("no bars", barRows([{ value: 0 }]).map((r) => r.fraction), [0]);

const failed = results.filter((r) => !r.ok);
document.getElementById("result").textContent = `${results.length - failed.length} passed, ${failed.length} failed`
  + failed.map((f) => `; ${f.name}: ${JSON.stringify(f.actual)} != ${JSON.stringify(f.expected)}`).join("");
