// The studio's knowledge-base editor: browse and search entries and examples, create and edit them
// with a required comment, preview the rendered answer, read the history and restore a version.
import { ApiError, get, me, post } from "/studio/api.js";
import { $, el, show } from "/studio/dom.js";
import { changeKind, conflictText, refusalText, shortTime } from "/studio/form.js";
import { ENTRIES, EXAMPLES } from "/studio/kinds.js";
import { TEXT } from "/studio/text.js";

const state = { kind: ENTRIES, items: [], selected: null, creating: false, conflict: null };

function message(id, text) {
  $(id).textContent = text || "";
  show($(id), Boolean(text));
}

function clearMessages() {
  message("error", "");
  message("saved", "");
  show($("conflict"), false);
}

async function loadList() {
  const { items, total } = await state.kind.list($("search").value.trim(), $("intent-filter").value);
  state.items = items;
  $("count").textContent = TEXT.count(items.length, total);
  const list = $("list");
  list.replaceChildren();
  for (const item of items) {
    const [title, sub] = state.kind.row(item);
    const button = el("button", title);
    button.type = "button";
    button.append(el("span", sub, "sub"));
    button.setAttribute("data-testid", "studio-item");
    button.setAttribute("data-key", state.kind.key(item));
    if (state.selected && state.kind.key(state.selected) === state.kind.key(item)) button.setAttribute("aria-current", "true");
    button.addEventListener("click", () => select(item));
    const row = el("li");
    row.append(button);
    list.append(row);
  }
}

function openForm(item) {
  clearMessages();
  state.selected = item;
  state.creating = !item;
  show($("entry-form"), state.kind === ENTRIES);
  show($("example-form"), state.kind === EXAMPLES);
  show($("save"), true);
  show($("remove-button"), Boolean(item));
  $("form-title").textContent = item ? state.kind.title(item) : state.kind.newTitle;
  state.kind.fill(item);
  $("comment").value = "";
  preview();
  return item ? loadHistory(item) : show($("history-box"), false);
}

async function select(item) {
  await openForm(item);
  await loadList();
}

async function loadHistory(item) {
  const { changes } = await get(`${state.kind.path(item)}/history`);
  const list = $("history");
  list.replaceChildren();
  for (const change of [...changes].reverse()) {
    const row = el("li");
    row.setAttribute("data-testid", "history-change");
    row.append(el("span", `${TEXT.revision(change.revision)} · ${changeKind(change)} · ${change.comment}`));
    row.append(el("span", ` ${change.author} ${shortTime(change.at)}`, "meta"));
    if (change.after && change.revision !== item.revision) {
      const restore = el("button", TEXT.restore, "btn secondary");
      restore.type = "button";
      restore.setAttribute("data-testid", "history-restore");
      restore.addEventListener("click", () => restoreTo(change));
      row.append(restore);
    }
    list.append(row);
  }
  show($("history-box"), true);
}

function comment() {
  const text = $("comment").value.trim();
  if (!text) {
    message("error", TEXT.commentRequired);
    $("comment").focus();
  }
  return text;
}

async function act(work) {
  clearMessages();
  $("save-button").disabled = true;
  try {
    await work();
  } catch (e) {
    refused(e);
  } finally {
    $("save-button").disabled = false;
  }
}

function refused(e) {
  if (!(e instanceof ApiError)) {
    message("error", TEXT.offline);
  } else if (e.status === 409 && e.body.code === "stale_revision") {
    state.conflict = e.body.current;
    $("conflict-text").textContent = conflictText(e.body);
    show($("conflict"), true);
  } else {
    message("error", e.status === 403 ? TEXT.adminsOnly : refusalText(e.body));
    const focus = state.kind.focusOf(e.body.field);
    if (focus) $(focus).focus();
  }
}

async function save() {
  const why = comment();
  if (!why) return;
  await act(async () => {
    const item = state.creating ? await post(state.kind.createPath, state.kind.body(0, why))
      : await post(state.kind.path(state.selected), state.kind.body(state.selected.revision, why));
    await select(item);
    message("saved", TEXT.saved(item.revision));
  });
}

async function remove() {
  const why = comment();
  if (!why || !window.confirm(TEXT.confirmRemove)) return;
  await act(async () => {
    await post(`${state.kind.path(state.selected)}/remove`, { revision: state.selected.revision, comment: why });
    state.selected = null;
    show($("save"), false);
    show($("entry-form"), false);
    show($("example-form"), false);
    show($("history-box"), false);
    await loadList();
    message("saved", TEXT.removed);
  });
}

async function restoreTo(change) {
  const why = comment();
  if (!why) return;
  await act(async () => {
    const item = await post(`${state.kind.path(state.selected)}/restore`,
      { change: change.id, revision: state.selected.revision, comment: why });
    await select(item);
    message("saved", TEXT.restored(item.revision));
  });
}

let previewTimer = null;
function preview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(async () => {
    const answer = $("entry-answer").value;
    if (!answer.trim()) {
      $("entry-preview").textContent = TEXT.noPreview;
      return;
    }
    const rendered = await post("/api/studio/preview", { answer }).catch(() => null);
    if (rendered) $("entry-preview").textContent = rendered.answer;
  }, 250);
}

async function switchTo(kind) {
  state.kind = kind;
  state.selected = null;
  $("tab-entries").setAttribute("aria-selected", String(kind === ENTRIES));
  $("tab-examples").setAttribute("aria-selected", String(kind === EXAMPLES));
  $("new-item").textContent = kind.newButton;
  for (const id of ["entry-form", "example-form", "save", "history-box"]) show($(id), false);
  await loadList();
}

async function loadIntents() {
  const { intents } = await get("/api/studio/intents");
  for (const intent of intents) {
    $("intent-filter").append(new Option(intent.name, intent.name));
    if (intent.name !== "oos") $("entry-intent").append(new Option(intent.name, intent.name));
    $("intent-names").append(new Option(intent.name));
  }
}

async function start() {
  const account = await me().catch(() => undefined);
  if (account === undefined || account === null) {
    const notice = $("notice");
    notice.replaceChildren(account === null ? TEXT.loginFirst : TEXT.offline);
    if (account === null) {
      const link = el("a", TEXT.login);
      link.href = "/agent/login?next=/studio/";
      notice.append(link);
    }
    show(notice, true);
    return;
  }
  $("me").textContent = account.displayName;
  if (account.role !== "admin") {
    message("notice", TEXT.adminsOnly);
    return;
  }
  show($("studio"), true);
  await loadIntents();
  $("tab-entries").addEventListener("click", () => switchTo(ENTRIES));
  $("tab-examples").addEventListener("click", () => switchTo(EXAMPLES));
  $("filters").addEventListener("submit", (event) => event.preventDefault());
  $("search").addEventListener("input", () => loadList());
  $("intent-filter").addEventListener("change", () => loadList());
  $("new-item").addEventListener("click", () => openForm(null));
  $("save-button").addEventListener("click", save);
  $("remove-button").addEventListener("click", remove);
  $("entry-answer").addEventListener("input", preview);
  $("conflict-load").addEventListener("click", () => state.conflict && select(state.conflict));
  await loadList();
  document.body.setAttribute("data-ready", "true");
}

start();
