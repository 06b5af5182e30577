// Unit tests of form.js, run in the browser by StudioEditorBrowserIT: the result line reads
// "N passed, M failed" and names each failure.
import { changeKind, conflictText, entryBody, exampleBody, fieldLabel, ids, lines, percent, refusalText, shortTime }
  from "/studio/form.js";

const results = [];
function check(name, actual, expected) {
  results.push({ name, ok: JSON.stringify(actual) === JSON.stringify(expected), actual, expected });
}

check("lines", lines(" 一 \n\n二\r\n 三"), ["一", "二", "三"]);
check("ids", ids("pay-failed， refund-time ,x"), ["pay-failed", "refund-time", "x"]);
check("entry body", entryBody({ id: " a-b ", intent: "refund_time", question: "问", paraphrases: "1\n2", answer: "答" }, 3, "因为"),
  { id: "a-b", intent: "refund_time", question: "问", paraphrases: ["1", "2"], answer: "答", comment: "因为", revision: 3 });
check("new entry has no revision", "revision" in entryBody({ id: "", intent: "", question: "", paraphrases: "", answer: "" }, 0, ""),
  false);
check("example body", exampleBody({ intent: " oos ", text: "下雨吗", faq: "" }, 0, "天气"),
  { intent: "oos", text: "下雨吗", faqIds: [], comment: "天气" });
check("paraphrase label", fieldLabel("paraphrases[2]"), "第 3 个问法");
check("field label", fieldLabel("answer"), "答案");
check("refusal", refusalText({ error: "answer: must not be empty", field: "answer" }), "答案有误：must not be empty");
check("refusal without field", refusalText({ error: "body must be a JSON object" }), "body must be a JSON object");
check("beijing time", shortTime("2026-12-02T03:30:00Z"), "2026-12-02 11:30");
check("conflict", conflictText({ current: {}, change: { author: "wang", at: "2026-12-02T03:30:00Z", comment: "改答案" } }),
  "保存失败：wang 在 2026-12-02 11:30 已修改了这一条（说明：改答案）。请载入最新版本后再修改。");
check("conflict on a removed item", conflictText({ current: null, change: null }), "保存失败：这一条已被其他管理员删除。");
check("change kinds", [changeKind({ before: null, after: {} }), changeKind({ before: {}, after: null }),
  changeKind({ before: {}, after: {} })], ["新建", "删除", "修改"]);

check("percent", [percent(0.8125), percent(null), percent(1)], ["81.3%", "—", "100.0%"]);

const failed = results.filter((r) => !r.ok);
document.getElementById("result").textContent = `${results.length - failed.length} passed, ${failed.length} failed`
  + failed.map((f) => `; ${f.name}: ${JSON.stringify(f.actual)} != ${JSON.stringify(f.expected)}`).join("");
