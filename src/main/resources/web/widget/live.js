/** Agent messages and queue moves while handed off: SSE, and polling the transcript while SSE is down. */
import { parse } from "./format.js";

const POLL_MS = 4000;

/**
 * @param api      the client of api.js
 * @param handlers {status(handoff), line(line), typing(signal), gone(), stillWaiting()}: what arrives, and
 *                 whether to keep listening
 */
export function createLive(api, handlers) {
  let events = null;
  let sseUp = false;
  let poller = null;

  function startPolling(conversationId) {
    if (poller) return;
    poller = setInterval(async () => {
      if (!handlers.stillWaiting() || sseUp) {
        stopPolling();
        return;
      }
      try {
        const body = await api.transcript(conversationId);
        if (!body) { // the server no longer knows the conversation
          stop();
          handlers.gone();
          return;
        }
        body.messages.filter((l) => l.role === "agent" || l.role === "system").forEach(handlers.line);
        handlers.status(body.handoff);
      } catch (e) {
        // offline: try again at the next tick
      }
    }, POLL_MS);
  }

  function stopPolling() {
    if (poller) clearInterval(poller);
    poller = null;
  }

  function stop() {
    if (events) events.close();
    events = null;
    sseUp = false;
    stopPolling();
  }

  function listen(conversationId) {
    if (events || !conversationId) return;
    if (typeof EventSource !== "function") {
      startPolling(conversationId);
      return;
    }
    const source = new EventSource(api.eventsUrl(conversationId));
    events = source;
    source.addEventListener("status", (e) => {
      sseUp = true;
      stopPolling();
      const data = parse(e.data);
      if (data) handlers.status(data.handoff);
    });
    source.addEventListener("message", (e) => {
      const line = parse(e.data);
      if (line) handlers.line(line);
    });
    source.addEventListener("typing", (e) => {
      const signal = parse(e.data);
      if (signal && signal.role === "agent") handlers.typing(signal);
    });
    source.addEventListener("error", (e) => {
      if (e.data) { // the server's own "error" event: the conversation is gone
        stop();
        handlers.gone();
        return;
      }
      sseUp = false; // the browser reconnects by itself; poll meanwhile
      startPolling(conversationId);
    });
  }

  return Object.freeze({ listen, stop });
}
