// Versions and publishing: train the draft in the background (progress by polling), compare a
// version with the one serving, publish it through the regression gate or past it with a reason,
// roll back; and the hit test of a message against the published and the last trained version.
import { ApiError, get, me, post } from "/studio/api.js";
import { $, el, show } from "/studio/dom.js";
import { percent, shortTime } from "/studio/form.js";

const TEXT = {
  loginFirst: "请先登录管理员账号：", login: "去登录", adminsOnly: "只有管理员可以发布版本。",
  commentRequired: "请填写说明。", reasonRequired: "请填写原因。", failed: "操作失败，请稍后重试。",
  status: { training: "训练中", ready: "可发布", failed: "失败" },
  published: (p) => (p ? `线上版本：第 ${p.versionId} 版（${p.by}，${shortTime(p.at)}）` : "线上版本：模型文件（尚未从工作室发布）"),
  training: (t) => `第 ${t.versionId} 版训练中：${step(t.step)}`,
  steps: { queued: "排队中", train: "训练模型", load: "载入模型", cv: "交叉验证", eval: "在 eval.tsv 上评估", baseline: "评估线上版本" },
  view: "查看", serving: "线上",
  compare: (v, s) => `答案准确率 ${percent(v.answerAccuracy)}（线上 ${s ? percent(s.answerAccuracy) : "—"}），`
    + `答案精确率 ${percent(v.answerPrecision)}（线上 ${s ? percent(s.answerPrecision) : "—"}）`,
  gateOk: "回归检查通过，可以发布。", gateRefused: "回归检查未通过：",
  changed: (n) => `结果变化的评估句：${n} 条`, seeds: "五个种子问题",
  done: { publish: "已发布", override: "已强制发布（原因已记录）", rollback: "已回滚" },
  hit: { published: "线上版本", draft: "最近训练的版本", none: "还没有训练好的版本" },
};

let selected = null;

/** A training step from the server ("train 3/7", "baseline: eval 10/200") in words, with its count. */
function step(name) {
  const [, baseline, word, count] = /^(baseline: )?([a-z]+)\s*(.*)$/.exec(name) || [null, null, name, ""];
  const words = `${TEXT.steps[word] || word}${count ? ` ${count}` : ""}`;
  return baseline ? `${TEXT.steps.baseline}（${words}）` : words;
}

function message(id, text) {
  $(id).textContent = text || "";
  show($(id), Boolean(text));
}

/** The step's count ("cv 1/2") as a bar; without a count the bar runs indeterminate. */
function bar(training) {
  const node = $("progress-bar");
  show(node, Boolean(training));
  const count = training && /(\d+)\/(\d+)$/.exec(training.step);
  if (count) {
    node.max = Number(count[2]);
    node.value = Number(count[1]);
  } else {
    node.removeAttribute("value");
  }
}

async function load() {
  const body = await get("/api/studio/versions");
  $("published").textContent = TEXT.published(body.published);
  message("progress", body.training ? TEXT.training(body.training) : "");
  bar(body.training);
  const rows = $("versions");
  rows.replaceChildren();
  for (const v of body.versions) {
    const row = el("tr");
    row.setAttribute("data-testid", "version-row");
    row.setAttribute("data-status", v.status);
    row.setAttribute("data-version", String(v.id));
    const isServing = body.published && body.published.versionId === v.id;
    row.append(el("td", `${v.id}${isServing ? `（${TEXT.serving}）` : ""}`), el("td", TEXT.status[v.status] || v.status),
      el("td", percent(v.answerAccuracy)), el("td", percent(v.answerPrecision)), el("td", percent(v.cvAccuracy)),
      el("td", v.error ? `${v.comment}：${v.error}` : v.comment));
    const cell = el("td");
    if (v.status === "ready") {
      const open = el("button", TEXT.view, "btn secondary");
      open.type = "button";
      open.setAttribute("data-testid", "version-view");
      open.setAttribute("aria-label", `${TEXT.view}第 ${v.id} 版`);
      open.addEventListener("click", () => detail(v.id));
      cell.append(open);
    }
    row.append(cell);
    rows.append(row);
  }
  return body;
}

async function detail(id) {
  const v = await get(`/api/studio/versions/${id}`);
  selected = v;
  const box = $("detail");
  box.replaceChildren(el("p", TEXT.compare(v, v.comparedWith)));
  box.append(el("p", v.gate.length ? TEXT.gateRefused + v.gate.join("；") : TEXT.gateOk, v.gate.length ? "bad" : "ok"));
  box.append(el("h3", TEXT.seeds));
  const seeds = el("ol");
  for (const s of v.seeds) seeds.append(el("li", `${s.text} → ${s.action}${s.faqId ? ` ${s.faqId}` : ""}`));
  box.append(seeds, el("h3", TEXT.changed(v.changedLines.length)));
  const changed = el("ol");
  for (const c of v.changedLines.slice(0, 50)) {
    changed.append(el("li", `${c.text}：${c.before.action} ${c.before.faqId || ""} → ${c.after.action} ${c.after.faqId || ""}`,
      c.after.right ? "" : "bad"));
  }
  box.append(changed);
  $("detail-title").textContent = `第 ${v.id} 版`;
  show($("detail-box"), true);
}

async function act(path, body) {
  message("error", "");
  try {
    const done = await post(path, body);
    await load();
    if (selected) await detail(selected.id);
    message("progress", `${TEXT.done[done.action]}：第 ${done.versionId} 版`); // after load(), which clears it
  } catch (e) {
    message("error", e instanceof ApiError ? (e.body.error || TEXT.failed) : TEXT.failed);
  }
}

async function train() {
  const comment = $("train-comment").value.trim();
  if (!comment) return message("error", TEXT.commentRequired);
  try {
    await post("/api/studio/versions", { comment });
    $("train-comment").value = "";
    message("error", "");
    poll();
  } catch (e) {
    message("error", e instanceof ApiError ? (e.body.error || TEXT.failed) : TEXT.failed);
  }
}

async function poll() {
  const body = await load();
  if (body.training) setTimeout(poll, 2000);
}

function column(title, hit) {
  const box = el("div");
  box.append(el("h3", title));
  if (!hit) {
    box.append(el("p", TEXT.hit.none, "muted"));
    return box;
  }
  box.append(el("p", `${hit.action}（${hit.reason}）${hit.faqId ? ` → ${hit.faqId}` : ""} · ${hit.intent || "—"} ${percent(hit.confidence)}`));
  const list = el("ol");
  for (const c of hit.candidates) list.append(el("li", `${c.faqId} ${c.question} · ${percent(c.score)}`));
  box.append(list);
  return box;
}

async function hitTest(event) {
  event.preventDefault();
  const text = $("hit-text").value.trim();
  if (!text) return;
  const result = await post("/api/studio/hit-test", { text }).catch(() => null);
  if (result) $("hit-result").replaceChildren(column(TEXT.hit.published, result.published), column(TEXT.hit.draft, result.draft));
}

async function start() {
  const account = await me().catch(() => undefined);
  if (!account) {
    const notice = $("notice");
    notice.replaceChildren(TEXT.loginFirst);
    const link = el("a", TEXT.login);
    link.href = "/agent/login?next=/studio/versions.html";
    notice.append(link);
    return show(notice, true);
  }
  $("me").textContent = account.displayName;
  if (account.role !== "admin") return message("notice", TEXT.adminsOnly);
  show($("studio"), true);
  $("train").addEventListener("click", train);
  $("hit-form").addEventListener("submit", hitTest);
  $("publish").addEventListener("click", () => act(`/api/studio/versions/${selected.id}/publish`, {}));
  $("override").addEventListener("click", () => {
    const reason = $("reason").value.trim();
    return reason ? act(`/api/studio/versions/${selected.id}/publish`, { override: true, reason })
      : message("error", TEXT.reasonRequired);
  });
  $("rollback").addEventListener("click", () => {
    const reason = $("reason").value.trim();
    return reason ? act(`/api/studio/versions/${selected.id}/rollback`, { reason }) : message("error", TEXT.reasonRequired);
  });
  await poll();
  document.body.setAttribute("data-ready", "true");
}

start();
