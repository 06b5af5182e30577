// Unit tests of inbox-format.js, run in the browser by InboxBrowserIT: the result line reads
// "N passed, M failed" and names each failure.
import { calls, missing, outcome, prefill, reviewed, scope, triggers } from "/studio/inbox-format.js";

const results = [];
function check(name, actual, expected) {
  results.push({ name, ok: JSON.stringify(actual) === JSON.stringify(expected), actual, expected });
}

const cluster = {
  size: 3, messageIds: [4, 7, 9], draftAnswer: "请在「我的-设置」里开通",
  suggestion: { faqId: "refund-time", question: "退款多久到账", score: 0.42 },
  examples: [{ messageId: 4, text: "退款啥时候到" }, { messageId: 7, text: "钱什么时候退回来" }, { messageId: 9, text: "退款没到" }],
};
check("scope: the whole cluster", scope(cluster, []).ids, [4, 7, 9]);
check("scope: the checked ones", scope(cluster, [7]), { ids: [7], shown: [7], texts: ["钱什么时候退回来"] });
const big = { ...cluster, size: 4, messageIds: [4, 7, 9, 12] }; // message 12 is beyond the examples shown
check("phrasings review the messages sent", reviewed("phrase", scope(big, [])), [4, 7, 9]);
check("a dismissal reviews the whole cluster", reviewed("dismiss", scope(big, [])), [4, 7, 9, 12]);
check("a new entry reviews the whole cluster", reviewed("entry", scope(big, [])), [4, 7, 9, 12]);
check("phrase: the suggestion prefilled", prefill("phrase", cluster, ["退款啥时候到"]).faqId, "refund-time");
check("entry: question, phrasings and the agent's answer", (({ question, paraphrases, answer }) =>
  ({ question, paraphrases, answer }))(prefill("entry", cluster, ["a", "b", "c"])),
  { question: "a", paraphrases: "b\nc", answer: "请在「我的-设置」里开通" });
check("phrase needs an entry", missing("phrase", { faqId: " ", intent: "", question: "", answer: "" }) !== "", true);
check("dismiss needs nothing", missing("dismiss", { faqId: "", intent: "", question: "", answer: "" }), "");
check("one phrasing call per message", calls("phrase", { faqId: "refund-time", comment: "" }, ["a", "b"]),
  [{ path: "/api/studio/entries/refund-time/phrasings", body: { text: "a" } },
    { path: "/api/studio/entries/refund-time/phrasings", body: { text: "b" } }]);
check("one entry call", calls("entry", { faqId: "x1", intent: "refund_time", question: "q", paraphrases: "p1\n\n p2 ",
  answer: "ans", comment: "from the inbox" }, ["q"]),
  [{ path: "/api/studio/entries", body: { id: "x1", intent: "refund_time", question: "q", paraphrases: ["p1", "p2"],
    answer: "ans", comment: "from the inbox" } }]);
check("out of scope examples", calls("oos", { comment: "" }, ["天气"]),
  [{ path: "/api/studio/examples", body: { intent: "oos", text: "天气" } }]);
check("dismiss calls nothing", calls("dismiss", { comment: "" }, ["a"]), []);
check("outcomes", ["phrase", "entry", "oos", "dismiss"].map(outcome),
  ["added_to_entry", "new_entry", "out_of_scope", "dismissed"]);
check("a low answer is flagged", triggers({ action: "answer", answerScore: 0.55, confidence: 0.7, faqId: "f" }, 0.6)
  .filter(([, flag]) => flag).length, 1);
check("a thumbs-down is flagged", triggers({ action: "answer", answerScore: 0.9, thumbsDown: true, confidence: 0.9 }, 0.6)
  .filter(([, flag]) => flag).length, 1);

const failed = results.filter((r) => !r.ok);
document.getElementById("result").textContent = `${results.length - failed.length} passed, ${failed.length} failed`
  + failed.map((f) => `; ${f.name}: ${JSON.stringify(f.actual)} != ${JSON.stringify(f.expected)}`).join("");
