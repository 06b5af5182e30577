/**
 * The agents' event stream (SSE): ticket moves, messages and "typing" signals, live. EventSource
 * cannot send headers and the machine token must stay out of URLs: such a connection opens with a
 * stream ticket (valid one minute) fetched just before it; an account's rides on its cookie. A
 * reconnection asks for what it missed after the last event id it saw (the ids are stored times).
 */
import { alertAgent } from "./alerts.js";
import { api } from "./api.js";
import { endSession } from "./banner.js";
import { $, announce } from "./dom.js";
import { loadFaqQuietly } from "./faq.js";
import { eventsPath, parse } from "./format.js";
import { refreshLists, renderLists, scheduleRefresh } from "./queue.js";
import { RETRY_MS, state } from "./store.js";
import { TEXT } from "./text.js";
import { loadTicket } from "./ticket.js";
import { addLiveLine, renderTyping } from "./transcript.js";

function setConnection(kind) {
  $("conn").setAttribute("data-state", kind);
  $("conn").textContent = kind === "live" ? TEXT.live : kind === "down" ? TEXT.down : TEXT.connecting;
}

export async function listen() {
  stopListening();
  if (!state.session) return;
  setConnection("connecting");
  const stream = state.stream;
  if (state.session.csrf) { // EventSource sends the session cookie of its own origin
    connect(null);
    return;
  }
  try {
    const body = await api("POST", "/api/agent/stream-ticket");
    if (stream === state.stream && state.session) connect(body.ticket);
  } catch (problem) {
    if (stream !== state.stream) return;
    if (problem.status === 401) {
      endSession(TEXT.sessionExpired);
      return;
    }
    setConnection("down");
    retryLater();
  }
}

function connect(ticket) {
  const source = new EventSource(eventsPath(ticket, state.lastEventId));
  state.events = source;
  const seen = (e) => { if (e.lastEventId) state.lastEventId = e.lastEventId; };
  source.addEventListener("hello", (e) => {
    seen(e);
    setConnection("live");
    // (re)connected: catch up on whatever happened while the stream was down
    refreshLists();
    if (state.selected) loadTicket(state.selected, false);
  });
  source.addEventListener("ticket", (e) => {
    seen(e);
    const data = parse(e.data);
    if (!data) return;
    if (data.status === "waiting") {
      announce(TEXT.newTicket);
      alertAgent(TEXT.newTicket);
    }
    scheduleRefresh();
    if (data.ticketId === state.selected) loadTicket(state.selected, false);
  });
  source.addEventListener("message", (e) => {
    seen(e);
    message(parse(e.data));
  });
  source.addEventListener("typing", (e) => {
    const data = parse(e.data);
    if (!data || data.role !== "user" || typeof data.conversationId !== "string") return;
    state.typing[data.conversationId] = performance.now();
    renderTyping();
  });
  source.addEventListener("error", () => {
    // The browser would reconnect with this URL, whose ticket soon expires: reconnect with a
    // fresh ticket instead (which also tells a revoked token, 401, from a network problem).
    source.close();
    if (state.events !== source) return;
    state.events = null;
    setConnection("down");
    retryLater();
  });
}

function message(data) {
  if (!data || typeof data.text !== "string") return;
  const open = state.ticket && state.ticket.conversationId === data.conversationId;
  if (data.role === "user") alertAgent(TEXT.newMessage + "：" + data.text.slice(0, 40));
  if (!open) {
    if (data.role === "user") {
      state.unread[data.conversationId] = true;
      delete state.typing[data.conversationId];
      renderLists();
    }
    return;
  }
  const line = { role: data.role, text: data.text, time: data.time };
  if (state.loading === state.selected) state.buffered.push(line);
  else addLiveLine(line);
  if (data.role === "user") {
    announce(TEXT.newMessage);
    loadFaqQuietly();
  }
}

function retryLater() {
  clearTimeout(state.retry);
  state.retry = setTimeout(() => { if (state.session) listen(); }, RETRY_MS);
}

export function stopListening() {
  clearTimeout(state.retry);
  state.stream++;
  if (state.events) state.events.close();
  state.events = null;
}
