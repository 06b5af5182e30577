// The HTTP side of the review inbox: the admin's session (its CSRF token from /api/auth/me) and
// the calls, each resolving with the JSON body or rejecting with {status, error}.

let csrf = "";

async function call(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET") headers["X-CSRF-Token"] = csrf;
  const response = await fetch(path, { method, headers, credentials: "same-origin", cache: "no-store",
    body: body === undefined ? undefined : JSON.stringify(body) }).catch(() => null);
  if (!response) throw { status: 0, error: "" };
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw { status: response.status, error: json && json.error ? String(json.error) : "" };
  return json;
}

/** Who is logged in (401 when nobody); remembers the CSRF token for the writes. */
export async function me() {
  const who = await call("GET", "/api/auth/me");
  csrf = who.csrfToken || "";
  return who;
}

export const inbox = () => call("GET", "/api/studio/inbox");
export const review = (body) => call("POST", "/api/studio/inbox/reviews", body);
export const send = (request) => call("POST", request.path, request.body);
