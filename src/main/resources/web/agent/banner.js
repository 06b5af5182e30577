/** The error banner at the top of the console. */
import { problemText } from "./api.js";
import { $ } from "./dom.js";
import { TEXT } from "./text.js";

let sessionOverAction = () => {};

/** What to do when a request finds the session over (401): set once by main.js. */
export function onSessionOver(action) {
  sessionOverAction = action;
}

/** The session is over (a 401): back to the login, saying {@code message}. */
export function endSession(message) {
  sessionOverAction(message);
}

/** Shows what went wrong with {@code what} (claim, reply, …); a 401 ends the session instead. */
export function showError(problem, what) {
  if (problem && problem.status === 401) {
    endSession(TEXT.sessionExpired);
    return;
  }
  $("error-text").textContent = problemText(problem, what);
  $("error").setAttribute("data-status", String(problem && problem.status));
  $("error").setAttribute("data-detail", (problem && problem.error) || "");
  $("error").hidden = false;
}

export function clearError() {
  $("error").hidden = true;
}
