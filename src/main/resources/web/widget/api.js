/** The HTTP client of kefu's public API and its errors. */

/** A refused request: {@code status} is the HTTP status, 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(status, body) {
    super(status ? `HTTP ${status}` : "unreachable");
    this.status = status;
    this.body = body || {};
  }

  /** Whether sending the same thing again later may succeed (rate limit, busy conversation, network). */
  get retriable() {
    return this.status === 0 || this.status === 429 || this.status === 409 || this.status >= 500;
  }

  /** 429, or 409: other messages of this conversation were still being answered. */
  get tooFast() {
    return this.status === 429 || this.status === 409;
  }
}

const JSON_HEADERS = { "Content-Type": "application/json", Accept: "application/json" };

/** The API at {@code base} (an origin, no trailing slash). */
export function createApi(base) {
  const conversation = (id) => `${base}/api/conversations/${encodeURIComponent(id)}`;

  async function call(url, init) {
    let response;
    try {
      response = await fetch(url, init);
    } catch (e) {
      throw new ApiError(0);
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }

  return Object.freeze({
    /** POST /api/messages; resolves to the reply. */
    send: (conversationId, text) => call(`${base}/api/messages`, {
      method: "POST",
      headers: JSON_HEADERS,
      body: JSON.stringify(conversationId ? { conversationId, text } : { text })
    }),
    /** The transcript, or null when the server no longer knows the conversation. */
    transcript: async (conversationId) => {
      try {
        return await call(`${conversation(conversationId)}/messages`, { headers: { Accept: "application/json" } });
      } catch (e) {
        if (e.status === 404) return null;
        throw e;
      }
    },
    /** Rates the service of the agent who last closed the chat: {stars: 1-5, comment?}. */
    rateService: (conversationId, rating) => call(`${conversation(conversationId)}/satisfaction`, {
      method: "POST",
      headers: JSON_HEADERS,
      body: JSON.stringify(rating)
    }),
    /** Rates an answer: {faqId, helpful, messageId?}. */
    rate: (conversationId, rating) => call(`${conversation(conversationId)}/feedback`, {
      method: "POST",
      headers: JSON_HEADERS,
      body: JSON.stringify(rating)
    }),
    /** Tells the agent that the user is typing (no text: the draft stays in the browser). */
    typing: (conversationId) => call(`${conversation(conversationId)}/typing`, {
      method: "POST",
      headers: JSON_HEADERS,
      body: "{}"
    }),
    eventsUrl: (conversationId) => `${conversation(conversationId)}/events`
  });
}
