/** The HTTP client of the agent API, and what its refusals mean to the agent. */
import { state } from "./store.js";
import { TEXT } from "./text.js";

/** A refused request: {@code status} is the HTTP status, 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(status, error = "", code = "") {
    super(status ? `HTTP ${status}` : "unreachable");
    this.status = status;
    this.error = error;   // the server's message (English), for the banner's data-detail
    this.code = code;     // the server's stable code, when it gives one
  }
}

/**
 * Calls the agent API as {@code who} and resolves with the JSON body; rejects with an ApiError.
 * An account's session rides on its HttpOnly cookie, with the CSRF token in a header; the machine
 * token (the older login form) in Authorization.
 */
export async function api(method, path, body, who = state.session) {
  const headers = who.csrf ? { Accept: "application/json", "X-CSRF-Token": who.csrf }
    : { Accept: "application/json", Authorization: "Bearer " + who.token, "X-Kefu-Agent": who.agent };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {
      method, headers, cache: "no-store", credentials: who.csrf ? "same-origin" : "omit",
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch (e) {
    throw new ApiError(0);
  }
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(response.status, json && json.error ? String(json.error) : "", json && json.code ? String(json.code) : "");
  }
  return json;
}

/** What the agent is told of a refused {@code what} (claim, reply, close, …). */
export function problemText(problem, what) {
  const status = problem && problem.status;
  const error = (problem && problem.error) || "";
  if (status === 0) return TEXT.offline;
  if (status === 401) return TEXT.sessionExpired;
  if (status === 404) return TEXT.notFound;
  if (status === 429) return TEXT.tooFast;
  if (status === 400) return what === "reply" ? TEXT.replyInvalid : TEXT.badRequest;
  if (status === 409) {
    const c = TEXT.conflict;
    const text = /already claimed/.test(error) ? c.claimed : /claim the ticket first/.test(error) ? c.claimFirst
      : /assigned to/.test(error) ? c.otherAgent : /closed/.test(error) ? c.closed
      : /handed.back/.test(error) ? c.handedBack : c.other;
    return text + TEXT.refreshed;
  }
  return TEXT.serverDown;
}

/** What the token login form says when the token was refused: a 401's code tells a wrong token from a switched-off API. */
export function loginProblemText(problem) {
  if (problem.status !== 401) return problemText(problem);
  return problem.code === "agent_api_disabled" ? TEXT.apiDisabled : TEXT.tokenWrong;
}
