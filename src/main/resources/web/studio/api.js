// The studio's HTTP client: same-origin JSON with the session's CSRF token; a refusal is an ApiError
// that carries the status and the JSON body ({"error", "code", "field", …}).
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

let csrf = null;

/** The logged-in account (GET /api/auth/me), remembering its CSRF token; null when nobody is logged in. */
export async function me() {
  const response = await fetch("/api/auth/me", { credentials: "same-origin", cache: "no-store" });
  if (response.status === 401) return null;
  const body = await response.json();
  if (!response.ok) throw new ApiError(response.status, body);
  csrf = body.csrfToken;
  return body;
}

async function call(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrf) headers["X-CSRF-Token"] = csrf;
  const response = await fetch(path, {
    method, headers, credentials: "same-origin", cache: "no-store",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const get = (path) => call("GET", path);
export const post = (path, body) => call("POST", path, body ?? {});
