// The review inbox page (admins): GET /api/studio/inbox, one section per cluster of similar
// messages, and the four actions. Adding to the knowledge base goes through the studio editor's
// API (inbox-format.js `calls`); then the outcome is recorded, and the messages leave the inbox.
import { calls, missing, outcome, percent, prefill, reviewed, scope, TEXT, triggers } from "/studio/inbox-format.js";
import * as api from "/studio/inbox-api.js";

const PAGE = {
  summary: (messages, clusters, threshold) => `共 ${messages} 条待审核消息，${clusters} 组（低于 ${percent(threshold)} 的回答也在其中）`,
  empty: "收件箱是空的：没有待审核的消息。",
  size: (n) => `${n} 条`,
  suggestion: (s) => `建议条目：${s.question}（${s.faqId}，${percent(s.score)}）`,
  noSuggestion: "没有建议的条目",
  draft: "人工客服的回答（可作为新条目的答案草稿）：",
  select: "选中", dismissOne: "忽略此条",
  scopeAll: (n) => `应用于本组全部 ${n} 条消息`, scopeSome: (n) => `应用于选中的 ${n} 条消息`,
  loginFirst: "请先在工作台登录管理员账号。", forbidden: "只有管理员可以审核消息。",
  failed: (p) => `操作失败（${p.status || "网络错误"}）${p.error ? "：" + p.error : ""}`,
  saved: (n) => `已处理 ${n} 条消息。`,
};
const $ = (id) => document.getElementById(id);
let state = { threshold: 0.6, clusters: [] };
let pending = null; // the action whose dialog is open: {kind, cluster, ids, texts}

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "className") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function showError(text) {
  $("error").textContent = text;
  $("error").hidden = !text;
}

function message(cluster, m) {
  return el("li", { "data-testid": "inbox-message", "data-message-id": m.messageId }, [
    el("input", { type: "checkbox", id: `pick-${m.messageId}`, "data-testid": "pick", "aria-label": `${PAGE.select}：${m.text}` }),
    el("span", { className: "text", text: m.text, "data-testid": "message-text" }),
    ...triggers(m, state.threshold).map(([text, flag]) => el("span", { className: flag ? "tag flag" : "tag", text })),
    el("button", { type: "button", className: "btn small", text: PAGE.dismissOne, "data-testid": "dismiss-one",
      "aria-label": `${PAGE.dismissOne}：${m.text}`, onclick: () => act("dismiss", cluster, [m.messageId]) }),
  ]);
}

function section(cluster, index) {
  const headingId = `cluster-${index}`;
  const checked = () => [...node.querySelectorAll("input[type=checkbox]:checked")]
    .map((box) => Number(box.closest("li").dataset.messageId));
  const node = el("section", { className: "cluster", "data-testid": "cluster", "aria-labelledby": headingId }, [
    el("h2", { id: headingId }, [el("span", { className: "count", text: PAGE.size(cluster.size), "data-testid": "cluster-size" }),
      cluster.examples[0].text]),
    el("p", { className: "suggestion", "data-testid": "suggestion",
      text: cluster.suggestion ? PAGE.suggestion(cluster.suggestion) : PAGE.noSuggestion }),
    cluster.draftAnswer ? el("p", { className: "draft", "data-testid": "draft" }, [PAGE.draft, el("q", { text: cluster.draftAnswer })]) : null,
    el("ul", { className: "examples" }, cluster.examples.map((m) => message(cluster, m))),
    el("div", { className: "actions", role: "group", "aria-label": "处理本组" }, ["phrase", "entry", "oos", "dismiss"].map((kind) =>
      el("button", { type: "button", className: kind === "phrase" ? "btn primary" : "btn", text: TEXT.kinds[kind],
        "data-testid": `action-${kind}`, onclick: () => act(kind, cluster, checked()) }))),
  ]);
  return node;
}

function render() {
  const total = state.clusters.reduce((n, c) => n + c.size, 0);
  $("summary").textContent = state.clusters.length ? PAGE.summary(total, state.clusters.length, state.threshold) : PAGE.empty;
  $("clusters").replaceChildren(...state.clusters.map(section));
  document.body.setAttribute("data-loaded", "true");
}

async function load() {
  try {
    const data = await api.inbox();
    state = { threshold: data.reviewThreshold, clusters: data.clusters };
    render();
  } catch (problem) {
    showError(problem.status === 401 ? PAGE.loginFirst : problem.status === 403 ? PAGE.forbidden : PAGE.failed(problem));
    $("summary").textContent = "";
  }
}

/** Opens the dialog of {@code kind} for the chosen messages (all of the cluster when none is chosen). */
function act(kind, cluster, ids) {
  const chosen = scope(cluster, ids);
  pending = { kind, cluster, ...chosen };
  const values = prefill(kind, cluster, chosen.texts);
  for (const [name, value] of Object.entries(values)) $("action-form").elements[name].value = value;
  $("action-title").textContent = TEXT.kinds[kind];
  $("action-scope").textContent = ids.length ? PAGE.scopeSome(chosen.ids.length) : PAGE.scopeAll(chosen.ids.length);
  $("entry-fields").hidden = kind !== "phrase" && kind !== "entry";
  $("new-fields").hidden = kind !== "entry";
  $("action-error").hidden = true;
  $("action").showModal();
  (kind === "phrase" || kind === "entry" ? $("f-faq") : $("f-comment")).focus();
}

async function submit(event) {
  event.preventDefault();
  const form = $("action-form").elements;
  const values = Object.fromEntries(["faqId", "intent", "question", "paraphrases", "answer", "comment"]
    .map((name) => [name, form[name].value]));
  const problem = missing(pending.kind, values);
  if (problem) return fail(problem);
  $("action-ok").disabled = true;
  try {
    for (const request of calls(pending.kind, values, pending.texts)) await api.send(request);
    const ids = reviewed(pending.kind, pending);
    const body = { messageIds: ids, outcome: outcome(pending.kind) };
    if (pending.kind === "phrase" || pending.kind === "entry") body.faqId = values.faqId.trim();
    if (values.comment.trim()) body.comment = values.comment.trim();
    await api.review(body);
    $("action").close();
    await load();
    $("summary").textContent = `${PAGE.saved(ids.length)}${$("summary").textContent}`;
  } catch (p) {
    fail(PAGE.failed(p));
  } finally {
    $("action-ok").disabled = false;
  }
}

function fail(text) {
  $("action-error").textContent = text;
  $("action-error").hidden = false;
}

$("action-form").addEventListener("submit", submit);
$("action-cancel").addEventListener("click", () => $("action").close());
api.me().then(load, (problem) => {
  showError(problem.status === 401 ? PAGE.loginFirst : PAGE.failed(problem));
  $("summary").textContent = "";
});
