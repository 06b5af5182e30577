// The agent console's "why" view of a bot reply: a button on each bot message opens the decision
// log of that reply (GET /api/agent/messages/{id}/decision): the model version, the rule that
// decided, the thresholds, the intents and the candidate entries with their scores.
// Self-contained: the console marks the buttons with data-decision="<message id>"; this module
// listens for clicks on the whole document, so it works for lines added at any time.

const TEXT = {
  why: "为什么？", hide: "收起", loading: "正在读取决策记录…",
  failed: (status) => (status === 404 ? "这条回复没有决策记录（可能早于决策日志，或已按保留期限删除）。"
    : `决策记录读取失败（${status || "网络错误"}），请稍后重试。`),
  version: "模型版本", rule: "决定规则", thresholds: "阈值", intents: "意图得分", candidates: "候选条目",
  none: "无", path: { full: "完整排序（含句向量）", fast: "快速排序", intent: "按意图", none: "未排序" },
  threshold: (t) => `回答 ≥ ${t.answer}，转人工 ≥ ${t.handoff}，澄清差距 ≤ ${t.clarifyMargin}，`
    + `候选下限 ${t.clarifyFloor}，条目差距 ≤ ${t.answerMargin}，连续未答 ${t.fallbacksBeforeHandoff} 次后转人工`,
};
const SESSION_KEY = "kefu.agent.session";

/** The request headers of the console's login: its session cookie with the CSRF token, or the machine token. */
function request() {
  let saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
  } catch (e) {
    saved = null;
  }
  if (saved && saved.token && !saved.csrf) {
    return { headers: { Accept: "application/json", Authorization: `Bearer ${saved.token}`,
      "X-Kefu-Agent": saved.agent || "" }, credentials: "omit", cache: "no-store" };
  }
  return { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" };
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const percent = (x) => `${Math.round(x * 1000) / 10}%`;

/** The rows of the view: [label, text] pairs, from a decision record. Exported for the browser test. */
export function rows(record) {
  const d = record.decision;
  return [
    [TEXT.version, d.version],
    [TEXT.rule, `${d.reason}（${d.action}）${d.detail ? "：" + d.detail : ""}`],
    [TEXT.intents, d.intents.length ? d.intents.map((i) => `${i.intent} ${percent(i.confidence)}`).join("，") : TEXT.none],
    [TEXT.candidates, d.candidates.length ? d.candidates.map((c) => `${c.faqId} ${percent(c.score)}`).join("，")
      + `（${TEXT.path[d.path] || d.path}）` : TEXT.none],
    [TEXT.thresholds, TEXT.threshold(d.thresholds)],
  ];
}

function panel(record) {
  const list = el("dl", undefined, "why-panel");
  list.setAttribute("data-testid", "decision-panel");
  for (const [name, value] of rows(record)) {
    const row = el("div");
    row.append(el("dt", name), el("dd", value));
    list.appendChild(row);
  }
  return list;
}

async function toggle(button) {
  const line = button.closest(".msg") || button.parentElement;
  const open = line.querySelector(".why-panel, .why-note");
  if (open) {
    open.remove();
    button.textContent = TEXT.why;
    button.setAttribute("aria-expanded", "false");
    return;
  }
  const note = el("p", TEXT.loading, "why-note");
  note.setAttribute("role", "status");
  line.appendChild(note);
  button.setAttribute("aria-expanded", "true");
  button.textContent = TEXT.hide;
  const response = await fetch(`/api/agent/messages/${encodeURIComponent(button.dataset.decision)}/decision`,
    request()).catch(() => null);
  if (!note.isConnected) return; // closed meanwhile
  if (!response || !response.ok) {
    note.textContent = TEXT.failed(response ? response.status : 0);
    return;
  }
  note.replaceWith(panel(await response.json()));
}

document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("button[data-decision]") : null;
  if (button) toggle(button);
});
