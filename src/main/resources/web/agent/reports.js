// The reports page (admins): GET /api/agent/reports for a period, shown as totals and bar charts.
import { barRows, duration, percent } from "/agent/assets/report-format.js";

const TEXT = {
  conversations: "会话数", handedOff: "转人工会话", botRate: "机器人解决率", firstResponse: "平均首次响应",
  handle: "平均处理时长", stars: "整体满意度", ratings: (n) => `${n} 条评价`, none: "暂无数据",
  forbidden: "只有管理员可以查看报表。", failed: "报表加载失败，请稍后重试。", loginFirst: "请先登录。",
  reason: {
    user_request: "用户要求人工", repeated_fallback: "连续未能解答", priority_intent: "紧急问题",
    low_confidence: "置信度低", out_of_scope: "超出服务范围", no_answer: "没有对应答案",
  },
};
const SVG = "http://www.w3.org/2000/svg";
const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function bar(fraction) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 100 10");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("aria-hidden", "true");
  const rect = document.createElementNS(SVG, "rect");
  rect.setAttribute("width", String(Math.max(0.5, fraction * 100)));
  rect.setAttribute("height", "10");
  svg.appendChild(rect);
  return svg;
}

function chart(node, rows) {
  node.replaceChildren();
  if (!rows.length) {
    node.appendChild(el("p", TEXT.none, "empty"));
    return;
  }
  for (const row of rows) {
    const line = el("div", undefined, "row");
    line.setAttribute("data-testid", "report-row");
    line.append(el("span", row.label), bar(row.fraction), el("span", row.text, "value"));
    node.appendChild(line);
  }
}

function totals(report) {
  const list = $("totals");
  list.replaceChildren();
  const stars = report.satisfaction.meanStars;
  const items = [
    [TEXT.conversations, String(report.conversations)],
    [TEXT.handedOff, String(report.handedOff)],
    [TEXT.botRate, percent(report.botResolutionRate)],
    [TEXT.firstResponse, duration(report.firstResponseSeconds)],
    [TEXT.handle, duration(report.handleSeconds)],
    [TEXT.stars, stars === null ? TEXT.none : `${stars} / 5（${TEXT.ratings(report.satisfaction.ratings)}）`],
  ];
  for (const [name, value] of items) {
    const item = el("div");
    item.append(el("dt", name), el("dd", value));
    list.appendChild(item);
  }
}

async function load(event) {
  if (event) event.preventDefault();
  $("error").hidden = true;
  const query = new URLSearchParams({ from: $("from").value, to: $("to").value });
  const response = await fetch(`/api/agent/reports?${query}`, { credentials: "same-origin", cache: "no-store" })
    .catch(() => null);
  if (!response || !response.ok) {
    $("error").textContent = !response ? TEXT.failed : response.status === 403 ? TEXT.forbidden
      : response.status === 401 ? TEXT.loginFirst : TEXT.failed;
    $("error").hidden = false;
    return;
  }
  const report = await response.json();
  totals(report);
  chart($("reasons"), barRows(report.handoffsByReason.map((r) => ({
    label: TEXT.reason[r.reason] || r.reason, value: r.count, text: String(r.count) }))));
  chart($("agents"), barRows(report.agents.filter((a) => a.meanStars !== null).map((a) => ({
    label: a.displayName, value: a.meanStars, max: 5, text: `${a.meanStars}（${a.ratings}）` }))));
  document.body.setAttribute("data-loaded", "true");
}

const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10); // the team's day (UTC+8)
const weekAgo = new Date(Date.now() + 8 * 3600 * 1000 - 6 * 86400 * 1000).toISOString().slice(0, 10);
$("from").value = weekAgo;
$("to").value = today;
$("period").addEventListener("submit", load);
load();
