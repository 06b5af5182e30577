/*!
 * kefu chat widget — embed with one tag:
 *   <script src="https://HOST/widget.js" defer
 *           data-title="智能 在线客服" data-greeting="您好…" data-position="bottom-right|bottom-left"
 *           data-accent="#1677ff" data-api="https://HOST" data-questions="问题一|问题二"></script>
 * Plain JavaScript (ES2017), no framework, no build step. Everything lives in a Shadow DOM, so the
 * host page's styles neither leak in nor out. Messages are always rendered with textContent.
 * Answers carry thumbs (有帮助 / 没帮助) that rate them: POST /api/conversations/{id}/feedback.
 * Page API: window.kefu.open(), .close(), .toggle(), .ask(text), .reset().
 */
(function () {
  "use strict";
  if (window.kefu && window.kefu.version) {
    return; // included twice: keep the first widget
  }

  var script = document.currentScript;
  var MAX_CHARS = 500;
  var MAX_POSITION = 500; // the server counts queue positions up to this; that one means "or further"
  var POLL_MS = 4000;
  var POSITIONS = { "bottom-right": true, "bottom-left": true };

  function attr(name) {
    var value = script && script.getAttribute("data-" + name);
    return value && value.trim() ? value.trim() : null;
  }

  function apiBase() {
    var base = attr("api") || (script && script.src ? new URL(script.src, location.href).origin : location.origin);
    return base.replace(/\/+$/, "");
  }

  var options = {
    api: apiBase(),
    title: attr("title") || "智能 在线客服",
    greeting: attr("greeting") || "您好，我是智能客服助手，请问有什么可以帮您？",
    position: POSITIONS[attr("position")] ? attr("position") : "bottom-right",
    accent: attr("accent") && CSS.supports("color", attr("accent")) ? attr("accent") : "#1677ff",
    questions: (attr("questions") || "").split("|").map(function (q) { return q.trim(); }).filter(Boolean)
  };
  var STORAGE_KEY = "kefu.conversation:" + options.api;
  var OPEN_KEY = "kefu.open:" + options.api;
  var CHIPS_KEY = "kefu.suggestions:" + options.api; // the transcript API does not return suggestions

  var TEXT = {
    launcherOpen: "打开在线客服",
    launcherClose: "关闭在线客服",
    close: "关闭客服窗口",
    subtitleBot: "智能助手 · 24 小时在线",
    subtitleWaiting: "正在转接人工客服",
    subtitleAssigned: "人工客服服务中",
    input: "输入您的问题",
    placeholder: "请输入您的问题",
    keys: "按 Enter 发送，Shift+Enter 换行，Esc 关闭窗口",
    send: "发送",
    human: "转人工",
    humanBusy: "已转人工",
    humanText: "转人工",
    log: "对话记录",
    chips: "猜您想问",
    typing: "对方正在输入",
    bot: "智能助手",
    agent: "人工客服",
    you: "我",
    system: "系统消息",
    waitingNext: "正在为您转接人工客服，您排在第 1 位，请稍候",
    waitingAhead: function (n) { return "正在为您转接人工客服，前面还有 " + n + "，请稍候"; },
    waitingUnknown: "正在为您转接人工客服，请稍候",
    assigned: "人工客服已接入，请直接描述您的问题",
    handoffEnded: "人工服务已结束，智能助手将继续为您服务",
    offline: "无法连接客服服务器，请检查网络后重试",
    loadFailed: "聊天记录加载失败，请检查网络后重试",
    retry: "重试",
    notSent: "未发送",
    tooFast: "发送太频繁，请稍后再试",
    rejected: "消息未能发送，请修改后重试",
    helpful: "有帮助",
    unhelpful: "没帮助",
    rated: "感谢您的反馈",
    counter: function (n) { return n + "/" + MAX_CHARS; },
    unread: function (n) { return n + " 条新消息"; }
  };

  var CSS_TEXT = [
    ":host{all:initial;position:fixed;z-index:2147483000;bottom:0;right:0;" +
      "--kefu-accent:" + options.accent + ";--kefu-ink:#1f2329;--kefu-muted:#8a919f;--kefu-line:#e5e6eb;" +
      "font:14px/1.5 -apple-system,BlinkMacSystemFont,'PingFang SC','Hiragino Sans GB','Microsoft YaHei'," +
      "'Noto Sans CJK SC','Source Han Sans SC',sans-serif;color:var(--kefu-ink)}",
    ":host([data-position=bottom-left]){right:auto;left:0}",
    "*,*::before,*::after{box-sizing:border-box}",
    // set again inside: the page's own rules (even a `* {font-size: … !important}`) reach the host element
    ".launcher,.panel{font:14px/1.5 -apple-system,BlinkMacSystemFont,'PingFang SC','Hiragino Sans GB','Microsoft YaHei'," +
      "'Noto Sans CJK SC','Source Han Sans SC',sans-serif;color:var(--kefu-ink);text-align:left;letter-spacing:normal}",
    "[hidden]{display:none!important}",
    "button{font:inherit;cursor:pointer}",
    "button:focus-visible,textarea:focus-visible,.log:focus-visible{outline:2px solid var(--kefu-accent);outline-offset:2px}",
    ".launcher{position:fixed;bottom:24px;right:24px;width:60px;height:60px;border:0;border-radius:50%;" +
      "background:var(--kefu-accent);color:#fff;box-shadow:0 6px 20px rgba(0,0,0,.22);display:flex;" +
      "align-items:center;justify-content:center;transition:transform .15s}",
    ":host([data-position=bottom-left]) .launcher{right:auto;left:24px}",
    ".launcher:hover{transform:scale(1.06)}",
    ".launcher svg{width:28px;height:28px;fill:currentColor}",
    ".launcher .when-open,:host([data-open]) .launcher .when-closed{display:none}",
    ":host([data-open]) .launcher .when-open{display:block}",
    ".badge{position:absolute;top:-2px;right:-2px;min-width:20px;height:20px;padding:0 6px;border-radius:10px;" +
      "background:#f53f3f;color:#fff;font-size:12px;line-height:20px;text-align:center;border:2px solid #fff}",
    ".panel{position:fixed;bottom:96px;right:24px;width:380px;height:min(620px,calc(100vh - 120px));" +
      "background:#fff;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.2);display:flex;" +
      "flex-direction:column;overflow:hidden}",
    ":host([data-position=bottom-left]) .panel{right:auto;left:24px}",
    ".head{display:flex;align-items:center;gap:10px;padding:14px 12px 14px 16px;background:var(--kefu-accent);color:#fff}",
    ".avatar{flex:none;width:36px;height:36px;border-radius:50%;background:rgba(255,255,255,.22);display:flex;" +
      "align-items:center;justify-content:center;font-weight:600}",
    ".titles{flex:1;min-width:0}",
    ".title{font-size:16px;font-weight:600;margin:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}",
    ".subtitle{font-size:12px;opacity:.9}",
    ".icon-btn{flex:none;width:36px;height:36px;border:0;border-radius:8px;background:transparent;color:#fff;" +
      "font-size:22px;line-height:1}",
    ".icon-btn:hover{background:rgba(255,255,255,.18)}",
    ".icon-btn svg{width:20px;height:20px;fill:currentColor;vertical-align:middle}",
    ".banner{display:flex;align-items:center;gap:8px;padding:10px 14px;font-size:13px;border-bottom:1px solid var(--kefu-line)}",
    ".banner.handoff{background:#fff7e8;color:#a35200}",
    ".banner.handoff[data-state=assigned]{background:#e8ffea;color:#1a7f37}",
    ".banner.error{background:#ffece8;color:#cb2634}",
    ".banner .spacer{flex:1}",
    ".dot{flex:none;width:8px;height:8px;border-radius:50%;background:currentColor;animation:kefu-pulse 1.4s infinite}",
    ".banner.error button{border:1px solid currentColor;background:#fff;color:inherit;border-radius:14px;padding:2px 12px}",
    ".log{flex:1;overflow-y:auto;padding:16px 14px 8px;background:#f5f6f7;overscroll-behavior:contain}",
    ".msg{display:flex;flex-direction:column;align-items:flex-start;margin:0 0 14px}",
    ".msg.user{align-items:flex-end}",
    ".who{font-size:12px;color:var(--kefu-muted);margin:0 0 3px 2px}",
    ".bubble{max-width:85%;padding:9px 12px;border-radius:4px 12px 12px 12px;background:#fff;color:var(--kefu-ink);" +
      "white-space:pre-wrap;overflow-wrap:anywhere;box-shadow:0 1px 2px rgba(0,0,0,.06)}",
    ".msg.user .bubble{background:var(--kefu-accent);color:#fff;border-radius:12px 4px 12px 12px}",
    ".msg.agent .bubble{border-left:3px solid #00b42a}",
    ".msg.system{align-items:center}",
    ".msg.system .bubble{background:transparent;box-shadow:none;color:var(--kefu-muted);font-size:12px;text-align:center;padding:2px 8px}",
    ".meta{display:flex;gap:8px;align-items:center;font-size:11px;color:var(--kefu-muted);margin:3px 2px 0}",
    ".msg.failed .meta{color:#cb2634}",
    ".rate{border:1px solid var(--kefu-line);background:#fff;border-radius:10px;padding:0 7px;font-size:12px;line-height:18px;color:var(--kefu-muted)}",
    ".rate:hover{border-color:var(--kefu-accent)}",
    ".rate[aria-pressed=true]{border-color:var(--kefu-accent);background:var(--kefu-accent);color:#fff}",
    ".chips{display:flex;flex-wrap:wrap;gap:8px;margin:-4px 0 14px}",
    ".chip{border:1px solid var(--kefu-accent);background:#fff;color:var(--kefu-accent);border-radius:16px;" +
      "padding:5px 12px;font-size:13px;text-align:left}",
    ".chip:hover{background:var(--kefu-accent);color:#fff}",
    ".typing{display:inline-flex;gap:4px;padding:12px 14px}",
    ".typing span{width:7px;height:7px;border-radius:50%;background:#b5bac3;animation:kefu-bounce 1.2s infinite}",
    ".typing span:nth-child(2){animation-delay:.15s}.typing span:nth-child(3){animation-delay:.3s}",
    ".composer{border-top:1px solid var(--kefu-line);padding:8px 10px 10px;background:#fff}",
    ".tools{display:flex;align-items:center;gap:8px;margin-bottom:6px}",
    ".human{border:1px solid var(--kefu-line);background:#fff;color:var(--kefu-accent);border-radius:14px;padding:3px 12px;font-size:13px}",
    ".human:hover{border-color:var(--kefu-accent);color:var(--kefu-accent)}",
    ".human:disabled{cursor:default;color:var(--kefu-muted);border-color:var(--kefu-line)}",
    ".counter{margin-left:auto;font-size:11px;color:var(--kefu-muted)}",
    ".row{display:flex;gap:8px;align-items:flex-end}",
    "textarea{flex:1;resize:none;border:1px solid var(--kefu-line);border-radius:10px;padding:8px 10px;font:inherit;" +
      "color:inherit;min-height:38px;max-height:110px;line-height:1.45;background:#fff}",
    "textarea:focus{border-color:var(--kefu-accent);outline:none}",
    ".send{flex:none;height:38px;padding:0 16px;border:0;border-radius:10px;background:var(--kefu-accent);color:#fff;font-weight:600}",
    ".send:disabled{opacity:.45;cursor:default}",
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
    "@keyframes kefu-bounce{0%,60%,100%{transform:translateY(0);opacity:.6}30%{transform:translateY(-4px);opacity:1}}",
    "@keyframes kefu-pulse{0%,100%{opacity:1}50%{opacity:.35}}",
    "@media (max-width:480px){.panel{inset:0;width:auto;height:auto;border-radius:0;" +
      "height:100dvh}.launcher{bottom:16px;right:16px}" +
      ":host([data-position=bottom-left]) .launcher{left:16px}:host([data-open]) .launcher{display:none}" +
      ".bubble{max-width:90%}textarea{font-size:16px}}",
    "@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}"
  ].join("\n");

  // ---- DOM helpers: text only, never innerHTML with data ----

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else if (key.indexOf("on") === 0) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  var ICON_CHAT = "M12 3C6.5 3 2 6.6 2 11c0 2.4 1.3 4.6 3.4 6.1L4.6 21l4.3-2.4c1 .3 2 .4 3.1.4 5.5 0 10-3.6 10-8s-4.5-8-10-8zm-4 9.3a1.3 1.3 0 1 1 0-2.6 1.3 1.3 0 0 1 0 2.6zm4 0a1.3 1.3 0 1 1 0-2.6 1.3 1.3 0 0 1 0 2.6zm4 0a1.3 1.3 0 1 1 0-2.6 1.3 1.3 0 0 1 0 2.6z";
  var ICON_CLOSE = "M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 0 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z";

  function icon(path) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var p = document.createElementNS(ns, "path");
    p.setAttribute("d", path);
    svg.appendChild(p);
    return svg;
  }

  function clock(date) {
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var hm = pad(date.getHours()) + ":" + pad(date.getMinutes());
    return date.toDateString() === new Date().toDateString() ? hm : (date.getMonth() + 1) + "月" + date.getDate() + "日 " + hm;
  }

  function storage(kind) {
    try { return window[kind]; } catch (e) { return null; } // blocked in some privacy modes
  }

  function load(kind, key) {
    var s = storage(kind);
    try { return s ? s.getItem(key) : null; } catch (e) { return null; }
  }

  function save(kind, key, value) {
    var s = storage(kind);
    try {
      if (!s) return;
      if (value === null) s.removeItem(key); else s.setItem(key, value);
    } catch (e) { /* quota or privacy mode: the widget still works, it just forgets on reload */ }
  }

  // ---- the widget ----

  // A custom element name, so that page rules for div and friends cannot reach the host.
  var host = el("kefu-chat", { "data-position": options.position });
  var root = host.attachShadow({ mode: "open" });
  if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === "function" && CSSStyleSheet.prototype.replaceSync) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS_TEXT); // constructed sheets are not blocked by a strict style-src CSP
    root.adoptedStyleSheets = [sheet];
  } else {
    root.appendChild(el("style", { text: CSS_TEXT }));
  }

  var ui = {};
  ui.badge = el("span", { className: "badge", "data-testid": "kefu-unread", hidden: true });
  ui.launcher = el("button", {
    className: "launcher", type: "button", "aria-label": TEXT.launcherOpen, "aria-expanded": "false",
    "aria-controls": "kefu-panel", "data-testid": "kefu-launcher", onclick: function () { toggle(); }
  }, [icon(ICON_CHAT), icon(ICON_CLOSE), ui.badge]);
  ui.launcher.children[1].setAttribute("class", "when-open");
  ui.launcher.children[0].setAttribute("class", "when-closed");
  ui.subtitle = el("div", { className: "subtitle", "data-testid": "kefu-status", text: TEXT.subtitleBot });
  ui.close = el("button", {
    className: "icon-btn", type: "button", "aria-label": TEXT.close, title: TEXT.close,
    "data-testid": "kefu-close", onclick: function () { close(); }
  }, [icon(ICON_CLOSE)]);
  ui.handoff = el("div", {
    className: "banner handoff", role: "status", "data-testid": "kefu-handoff", hidden: true
  });
  ui.handoffText = el("span");
  ui.handoff.appendChild(el("span", { className: "dot", "aria-hidden": "true" }));
  ui.handoff.appendChild(ui.handoffText);
  ui.errorText = el("span", { className: "spacer" });
  ui.retry = el("button", { type: "button", text: TEXT.retry, "data-testid": "kefu-retry", onclick: function () { retry(); } });
  ui.error = el("div", { className: "banner error", role: "alert", "data-testid": "kefu-error", hidden: true },
    [ui.errorText, ui.retry]);
  ui.log = el("div", {
    className: "log", role: "log", "aria-live": "polite", "aria-relevant": "additions", "aria-label": TEXT.log,
    tabindex: "0", "data-testid": "kefu-log"
  });
  ui.typing = el("div", { className: "msg bot", "data-testid": "kefu-typing", hidden: true }, [
    el("div", { className: "bubble typing", role: "img", "aria-label": TEXT.typing },
      [el("span"), el("span"), el("span")])
  ]);
  ui.log.appendChild(ui.typing);
  ui.human = el("button", {
    className: "human", type: "button", text: TEXT.human, "data-testid": "kefu-human",
    onclick: function () { send(TEXT.humanText); }
  });
  ui.counter = el("span", { className: "counter", "aria-hidden": "true", hidden: true });
  ui.input = el("textarea", {
    rows: "1", maxlength: String(MAX_CHARS), "aria-label": TEXT.input, placeholder: TEXT.placeholder,
    "aria-describedby": "kefu-keys",
    enterkeyhint: "send", "data-testid": "kefu-input"
  });
  ui.send = el("button", { className: "send", type: "submit", text: TEXT.send, "data-testid": "kefu-send", disabled: true });
  ui.form = el("form", { className: "composer", "aria-label": TEXT.input }, [
    el("div", { className: "tools" }, [ui.human, ui.counter]),
    el("div", { className: "row" }, [ui.input, ui.send]),
    el("span", { className: "sr", id: "kefu-keys", text: TEXT.keys })
  ]);
  ui.panel = el("section", {
    id: "kefu-panel", className: "panel", role: "dialog", "aria-labelledby": "kefu-title",
    "data-testid": "kefu-panel", hidden: true
  }, [
    el("header", { className: "head" }, [
      el("div", { className: "avatar", "aria-hidden": "true", text: "智" }),
      el("div", { className: "titles" }, [
        el("h2", { className: "title", id: "kefu-title", text: options.title }), ui.subtitle
      ]),
      ui.close
    ]),
    ui.handoff, ui.error, ui.log, ui.form
  ]);
  root.appendChild(ui.panel);
  root.appendChild(ui.launcher);

  var state = {
    conversationId: load("localStorage", STORAGE_KEY),
    mode: "bot",          // bot | waiting | assigned
    queue: Promise.resolve(),
    pending: 0,
    unread: 0,
    seen: {},             // transcript lines already shown (agent/system), to merge SSE and polling
    events: null,
    sseUp: false,
    poller: null,
    failed: null          // what the retry button repeats
  };

  // ---- rendering ----

  function scrollToEnd() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  /** Appends a message; {@code quiet} ones (greeting, restored history) do not count as unread. */
  function addMessage(role, text, time, quiet) {
    var date = time ? new Date(time) : new Date();
    if (isNaN(date.getTime())) date = new Date();
    var who = role === "user" ? TEXT.you : role === "agent" ? TEXT.agent : role === "system" ? null : TEXT.bot;
    var node = el("div", { className: "msg " + role, "data-testid": "kefu-message", "data-role": role }, [
      who && role !== "user" ? el("div", { className: "who", "aria-hidden": "true", text: who }) : null,
      el("span", { className: "sr", text: (who || TEXT.system) + "：" }),
      el("div", { className: "bubble", "data-testid": "kefu-text", text: text }),
      role === "system" ? null : el("div", { className: "meta" }, [
        el("time", { datetime: date.toISOString(), "data-testid": "kefu-time", text: clock(date) })
      ])
    ]);
    ui.log.insertBefore(node, ui.typing);
    if (role !== "user" && !quiet && ui.panel.hidden) {
      state.unread += 1;
      ui.badge.textContent = String(state.unread);
      ui.badge.hidden = false;
      ui.launcher.setAttribute("aria-label", TEXT.launcherOpen + "（" + TEXT.unread(state.unread) + "）");
    }
    scrollToEnd();
    return node;
  }

  var SMALL_TALK = { greeting: true, thanks: true, goodbye: true };

  /** Thumbs under an answer; a second click on the other thumb replaces the rating. */
  function addRating(node, line) {
    if (!line || !line.faqId || SMALL_TALK[line.intent]) return;
    var meta = node.querySelector(".meta");
    if (!meta) return;
    var note = el("span", { "data-testid": "kefu-rated", hidden: true, text: TEXT.rated });
    var buttons = [true, false].map(function (helpful) {
      return el("button", {
        className: "rate", type: "button", "aria-pressed": "false",
        "aria-label": helpful ? TEXT.helpful : TEXT.unhelpful, title: helpful ? TEXT.helpful : TEXT.unhelpful,
        "data-testid": helpful ? "kefu-helpful" : "kefu-unhelpful",
        text: helpful ? "👍" : "👎",
        onclick: function () { rate(line, helpful, buttons, note); }
      });
    });
    buttons.forEach(function (b) { meta.appendChild(b); });
    meta.appendChild(note);
  }

  function rate(line, helpful, buttons, note) {
    if (!state.conversationId) return;
    var body = { faqId: line.faqId, helpful: helpful };
    if (typeof line.messageId === "number") body.messageId = line.messageId;
    fetch(options.api + "/api/conversations/" + encodeURIComponent(state.conversationId) + "/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) return;
      buttons[0].setAttribute("aria-pressed", helpful ? "true" : "false");
      buttons[1].setAttribute("aria-pressed", helpful ? "false" : "true");
      note.hidden = false;
    }).catch(function () { /* offline: the rating is simply not kept */ });
  }

  function addChips(questions) {
    if (!questions || !questions.length) return;
    var group = el("div", { className: "chips", role: "group", "aria-label": TEXT.chips, "data-testid": "kefu-chips" });
    questions.forEach(function (question) {
      group.appendChild(el("button", {
        className: "chip", type: "button", text: question, "data-testid": "kefu-chip",
        onclick: function () { send(question); }
      }));
    });
    ui.log.insertBefore(group, ui.typing);
    scrollToEnd();
  }

  function setTyping(on) {
    ui.typing.hidden = !on;
    ui.log.setAttribute("aria-busy", on ? "true" : "false");
    if (on) scrollToEnd();
  }

  function showError(message, again) {
    state.failed = again;
    ui.errorText.textContent = message;
    ui.error.hidden = false;
  }

  function clearError() {
    state.failed = null;
    ui.error.hidden = true;
  }

  function retry() {
    var again = state.failed;
    clearError();
    if (again) again();
  }

  // ---- handoff state ----

  function setMode(handoff) {
    var previous = state.mode;
    var mode = handoff && (handoff.status === "waiting" || handoff.status === "assigned") ? handoff.status : "bot";
    state.mode = mode;
    host.setAttribute("data-mode", mode);
    ui.handoff.hidden = mode === "bot";
    ui.handoff.setAttribute("data-state", mode);
    ui.human.disabled = mode !== "bot";
    ui.human.textContent = mode === "bot" ? TEXT.human : TEXT.humanBusy;
    ui.subtitle.textContent = mode === "waiting" ? TEXT.subtitleWaiting : mode === "assigned" ? TEXT.subtitleAssigned : TEXT.subtitleBot;
    if (mode === "waiting") {
      var position = typeof handoff.position === "number" ? handoff.position : 0;
      ui.handoff.setAttribute("data-position", String(position));
      ui.handoffText.textContent = position <= 0 ? TEXT.waitingUnknown
        : position === 1 ? TEXT.waitingNext
        : TEXT.waitingAhead(position >= MAX_POSITION ? (MAX_POSITION - 1) + " 位以上" : (position - 1) + " 位");
    } else if (mode === "assigned") {
      ui.handoff.setAttribute("data-position", "0");
      ui.handoffText.textContent = TEXT.assigned;
    }
    if (mode !== "bot") {
      listen();
    } else {
      stopListening();
      if (previous !== "bot") addMessage("system", TEXT.handoffEnded);
    }
  }

  function seenKey(line) {
    return line.role + "|" + line.time + "|" + line.text;
  }

  function addLiveLine(line) {
    if (!line || typeof line.text !== "string") return;
    var key = seenKey(line);
    if (state.seen[key]) return;
    state.seen[key] = true;
    addMessage(line.role === "system" ? "system" : "agent", line.text, line.time);
  }

  // Agent messages and queue position: SSE while handed off; polling the transcript when SSE fails.
  function listen() {
    if (state.events || !state.conversationId) return;
    if (typeof EventSource !== "function") {
      startPolling();
      return;
    }
    var source = new EventSource(options.api + "/api/conversations/" + encodeURIComponent(state.conversationId) + "/events");
    state.events = source;
    source.addEventListener("status", function (e) {
      state.sseUp = true;
      stopPolling();
      var data = parse(e.data);
      if (data) setMode(data.handoff);
    });
    source.addEventListener("message", function (e) {
      addLiveLine(parse(e.data));
    });
    source.addEventListener("error", function (e) {
      if (e.data) { // the server's own "error" event: the conversation is gone
        stopListening();
        forget();
        return;
      }
      state.sseUp = false; // the browser reconnects by itself; poll meanwhile
      startPolling();
    });
  }

  function stopListening() {
    if (state.events) state.events.close();
    state.events = null;
    state.sseUp = false;
    stopPolling();
  }

  function startPolling() {
    if (state.poller) return;
    state.poller = setInterval(function () {
      if (state.mode === "bot" || state.sseUp) { stopPolling(); return; }
      fetchTranscript().then(function (body) {
        if (!body) return;
        body.messages.forEach(function (line) {
          if (line.role === "agent" || line.role === "system") addLiveLine(line);
        });
        setMode(body.handoff);
      }).catch(function () { /* offline: try again at the next tick */ });
    }, POLL_MS);
  }

  function stopPolling() {
    if (state.poller) clearInterval(state.poller);
    state.poller = null;
  }

  function parse(json) {
    try { return JSON.parse(json); } catch (e) { return null; }
  }

  // ---- talking to the server ----

  function fetchTranscript() {
    return fetch(options.api + "/api/conversations/" + encodeURIComponent(state.conversationId) + "/messages", {
      headers: { Accept: "application/json" }
    }).then(function (response) {
      if (response.status === 404) { forget(); return null; }
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  function forget() {
    state.conversationId = null;
    save("localStorage", STORAGE_KEY, null);
    save("localStorage", CHIPS_KEY, null);
  }

  /** Re-renders the stored conversation; resolves either way, so queued messages follow it. */
  function restore() {
    if (!state.conversationId) return Promise.resolve();
    setTyping(true);
    return fetchTranscript().then(function (body) {
      setTyping(false);
      if (!body) return;
      body.messages.forEach(function (line) {
        if (line.role === "agent" || line.role === "system") state.seen[seenKey(line)] = true;
        var node = addMessage(line.role, line.text, line.time, true);
        if (line.role === "bot" && line.action === "answer") addRating(node, line);
      });
      var last = body.messages[body.messages.length - 1];
      var chips = parse(load("localStorage", CHIPS_KEY) || "null");
      if (last && last.role === "bot" && chips && chips.conversationId === state.conversationId) {
        addChips(chips.questions);
      }
      setMode(body.handoff);
    }).catch(function () {
      setTyping(false);
      showError(TEXT.loadFailed, function () { state.queue = state.queue.then(restore); });
    });
  }

  /** Queues a message: replies come back in the order the messages were sent. */
  function send(raw) {
    var text = String(raw || "").trim().slice(0, MAX_CHARS);
    if (!text) return;
    var node = addMessage("user", text);
    state.queue = state.queue.then(function () { return post(text, node); });
  }

  function post(text, node) {
    state.pending += 1;
    setTyping(true);
    return fetch(options.api + "/api/messages", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(state.conversationId ? { conversationId: state.conversationId, text: text } : { text: text })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) throw { status: response.status, body: body };
        return body;
      });
    }).then(function (reply) {
      received(reply);
      markSent(node);
    }, function (problem) {
      failed(problem, text, node);
    }).then(function () {
      state.pending -= 1;
      setTyping(state.pending > 0);
    });
  }

  function received(reply) {
    clearError();
    if (reply.conversationId && reply.conversationId !== state.conversationId) {
      state.conversationId = reply.conversationId;
      save("localStorage", STORAGE_KEY, reply.conversationId);
    }
    if (reply.reply) {
      var node = addMessage("bot", reply.reply);
      if (reply.action === "answer") addRating(node, reply);
    }
    var questions = reply.action === "handoff" || !reply.suggestions ? []
      : reply.suggestions.map(function (s) { return s.question; }).filter(Boolean);
    addChips(questions);
    save("localStorage", CHIPS_KEY, JSON.stringify({ conversationId: state.conversationId, questions: questions }));
    if (reply.action === "handoff" || state.mode !== "bot") setMode(reply.handoff);
  }

  function failed(problem, text, node) {
    node.classList.add("failed");
    var meta = node.querySelector(".meta");
    if (meta && !meta.querySelector("[data-testid=kefu-not-sent]")) {
      meta.appendChild(el("span", { "data-testid": "kefu-not-sent", text: TEXT.notSent }));
    }
    var status = problem && problem.status;
    if (status === 429 || status === 409) { // 409: other messages of this conversation were being answered
      showError(TEXT.tooFast, function () { resend(text, node); });
    } else if (status >= 400 && status < 500) {
      showError(TEXT.rejected, null);
      ui.retry.hidden = true;
      return;
    } else {
      showError(TEXT.offline, function () { resend(text, node); });
    }
    ui.retry.hidden = false;
  }

  function resend(text, node) {
    markSent(node);
    state.queue = state.queue.then(function () { return post(text, node); });
  }

  function markSent(node) {
    node.classList.remove("failed");
    var flag = node.querySelector("[data-testid=kefu-not-sent]");
    if (flag) flag.remove();
  }

  // ---- opening, closing, keyboard ----

  function resetUnread() {
    if (!ui.panel.hidden) {
      state.unread = 0;
      ui.badge.hidden = true;
      ui.launcher.setAttribute("aria-label", ui.panel.hidden ? TEXT.launcherOpen : TEXT.launcherClose);
    }
  }

  function open(focus) {
    ui.panel.hidden = false;
    host.setAttribute("data-open", "");
    ui.launcher.setAttribute("aria-expanded", "true");
    save("sessionStorage", OPEN_KEY, "1");
    resetUnread();
    scrollToEnd();
    if (focus !== false) ui.input.focus();
  }

  function close() {
    var hadFocus = root.activeElement !== null;
    ui.panel.hidden = true;
    host.removeAttribute("data-open");
    ui.launcher.setAttribute("aria-expanded", "false");
    ui.launcher.setAttribute("aria-label", TEXT.launcherOpen);
    save("sessionStorage", OPEN_KEY, null);
    if (hadFocus) ui.launcher.focus();
  }

  function toggle() {
    if (ui.panel.hidden) open(); else close();
  }

  function resize() {
    ui.input.style.height = "auto";
    ui.input.style.height = Math.min(ui.input.scrollHeight + 2, 110) + "px";
    var length = ui.input.value.length;
    ui.counter.hidden = length < MAX_CHARS * 0.8;
    ui.counter.textContent = TEXT.counter(length);
    ui.send.disabled = !ui.input.value.trim();
  }

  function submit() {
    var text = ui.input.value;
    if (!text.trim()) return;
    ui.input.value = "";
    resize();
    send(text);
    ui.input.focus();
  }

  ui.form.addEventListener("submit", function (e) {
    e.preventDefault();
    submit();
  });
  ui.input.addEventListener("input", resize);
  ui.input.addEventListener("keydown", function (e) {
    // 229: Chinese IME still composing (Safari reports isComposing false on the final Enter)
    if (e.key !== "Enter" || e.shiftKey || e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    submit();
  });
  ui.panel.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !e.isComposing) {
      e.preventDefault();
      close();
    }
  });

  // ---- start ----

  addMessage("bot", options.greeting, null, true);
  addChips(options.questions);
  (document.body || document.documentElement).appendChild(host);
  state.queue = restore();
  if (load("sessionStorage", OPEN_KEY)) open(false);

  window.kefu = {
    version: "1",
    open: function () { open(); },
    close: function () { close(); },
    toggle: function () { toggle(); },
    /** Opens the panel and sends {@code text} as the user's message. */
    ask: function (text) { open(); send(text); },
    /** Forgets the conversation in this browser and starts a new one. */
    reset: function () {
      stopListening();
      forget();
      state.mode = "bot";
      setMode(null);
      while (ui.log.firstChild) ui.log.removeChild(ui.log.firstChild);
      ui.log.appendChild(ui.typing);
      addMessage("bot", options.greeting, null, true);
      addChips(options.questions);
    }
  };
})();
