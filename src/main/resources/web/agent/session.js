/**
 * Who is at the desk: an account (HttpOnly session cookie, asked of the server) or the machine
 * token of the older login form (sessionStorage only), entering the console and leaving it.
 */
import { api, loginProblemText, problemText } from "./api.js";
import { clearError } from "./banner.js";
import { $, clear } from "./dom.js";
import { listen, stopListening } from "./live.js";
import { refreshLists, tick } from "./queue.js";
import { resetState, state } from "./store.js";
import { TEXT } from "./text.js";

const SESSION_KEY = "kefu.agent.session";
const NAME = /^[A-Za-z0-9 ._-]{1,40}$/;

function loadSession() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
    return saved && typeof saved.token === "string" && typeof saved.agent === "string" ? saved : null;
  } catch (e) {
    return null; // storage blocked or garbled: log in again
  }
}

function saveSession(session) {
  try {
    if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch (e) { /* storage blocked: the session lasts until this page is reloaded */ }
}

function loginError(text) {
  $("login-error").textContent = text;
  $("login-error").hidden = !text;
}

/** The token login form: the token is tried on the API before it is kept. */
export async function submitLogin(e) {
  e.preventDefault();
  const agent = $("login-name").value.trim();
  const token = $("login-token").value.trim();
  if (!NAME.test(agent)) {
    loginError(TEXT.nameInvalid);
    $("login-name").focus();
    return;
  }
  if (!token) {
    loginError(TEXT.tokenMissing);
    $("login-token").focus();
    return;
  }
  loginError("");
  $("login-submit").disabled = true;
  $("login-submit").textContent = TEXT.loggingIn;
  const candidate = { token, agent };
  try {
    await api("GET", "/api/agent/tickets?status=waiting&limit=1", undefined, candidate);
    $("login-token").value = "";
    saveSession(candidate);
    enter(candidate);
  } catch (problem) {
    loginError(loginProblemText(problem));
    $("login-token").select();
    $("login-token").focus();
  }
  $("login-submit").disabled = false;
  $("login-submit").textContent = TEXT.login;
}

function enter(session) {
  state.session = session;
  $("me").textContent = session.agent;
  $("presence").hidden = !session.csrf;
  $("transfer").hidden = !session.csrf;
  $("unassign").hidden = !session.csrf;
  if (session.csrf) $("presence").value = session.presence === "online" ? "online" : "away";
  $("login").hidden = true;
  $("console").hidden = false;
  refreshLists();
  listen();
  state.ticker = setInterval(tick, 1000);
  showModelVersion();
  if (!state.versionTicker) state.versionTicker = setInterval(showModelVersion, 60000); // a publish from the studio switches it
  const first = document.querySelector("[data-filter=" + state.filter + "]");
  if (first) first.focus();
}

/** The knowledge-base version this instance serves, from /health. */
function showModelVersion() {
  fetch("/health", { cache: "no-store" }).then((r) => r.json()).then((h) => {
    $("model-version").textContent = TEXT.modelVersion(h.model && h.model.version);
  }, () => {});
}

function toLoginPage() {
  window.location.assign("/agent/login");
}

/** Leaves the console, saying {@code message} on the login form. */
export function logout(message) {
  const session = state.session;
  if (session && session.csrf) {
    // an account: end the session on the server (its chats go back to the queue), then the login page
    api("POST", "/api/auth/logout", undefined, session).then(toLoginPage, toLoginPage);
    state.session = null;
    return;
  }
  saveSession(null);
  stopListening();
  clearInterval(state.ticker);
  clearTimeout(state.refreshTimer);
  resetState();
  clear($("tickets"));
  clear($("transcript"));
  clear($("faq-list"));
  clearError();
  $("ticket").hidden = true;
  $("placeholder").hidden = false;
  $("console").hidden = true;
  $("login").hidden = false;
  document.title = TEXT.title;
  loginError(message || "");
  $("login-token").focus();
}

/** An account's session first (the cookie is HttpOnly: ask the server), then a saved machine token. */
export async function start() {
  let me = null;
  try {
    const response = await fetch("/api/auth/me", { headers: { Accept: "application/json" }, cache: "no-store",
      credentials: "same-origin" });
    me = response.ok ? await response.json() : null;
  } catch (e) {
    me = null;
  }
  if (me && typeof me.csrfToken === "string") {
    enter({ agent: me.displayName, login: me.login, csrf: me.csrfToken, role: me.role, presence: me.presence });
    return;
  }
  const saved = loadSession();
  if (!saved) {
    $("login-name").focus();
    return;
  }
  // validate before showing anything: the token may have been changed since
  try {
    await api("GET", "/api/agent/tickets?status=waiting&limit=1", undefined, saved);
  } catch (problem) {
    if (problem.status === 401) {
      saveSession(null);
      loginError(TEXT.sessionExpired);
    } else {
      loginError(problemText(problem));
    }
    $("login-name").value = saved.agent;
    return;
  }
  enter(saved);
}
