/**
 * One visitor's conversation: sending in order, replies, failures and retry, the restored transcript,
 * and the handoff to a person. The state of the widget lives here.
 */
import { chipQuestions, lengthNotice, modeOf, offersPerson, parse, seenKey, TYPING_SHOWN_MS, typingDue } from "./format.js";
import { load, save } from "./storage.js";
import { TEXT } from "./text.js";
import {
  addRating, append, chipsNode, markFailed, messageNode, offerNode, renderMode, renderUnread, setAgentTyping, setTyping,
  showError, surveyNode
} from "./view.js";

const SMALL_TALK = new Set(["greeting", "thanks", "goodbye"]);

/** @param parts {options, api, live (set later), ui, host, keys} */
export function createConversation(parts) {
  const { options, api, ui, host, keys } = parts;
  const state = {
    conversationId: load("localStorage", keys.conversation),
    mode: "bot",        // bot | waiting | assigned
    queue: Promise.resolve(),
    pending: 0,
    unread: 0,
    seen: new Set(),    // transcript lines already shown (agent/system), to merge SSE and polling
    failed: null,       // what the retry button repeats
    agentName: null,    // the agent who has the chat, once announced
    typingSentAt: null, // performance.now() of the last "user is typing" signal
    agentTypingTimer: null
  };

  /** Appends a message; {@code quiet} ones (greeting, restored history) do not count as unread. */
  function addMessage(role, text, time, quiet) {
    const node = append(ui, messageNode(role, text, time));
    if (role !== "user" && !quiet && ui.panel.hidden) {
      state.unread += 1;
      renderUnread(ui, state.unread, false);
    }
    return node;
  }

  function addChips(questions) {
    if (questions && questions.length) append(ui, chipsNode(questions, send));
  }

  /** Thumbs under an answer; a second click on the other thumb replaces the rating. */
  function rateable(node, line) {
    if (!line || !line.faqId || SMALL_TALK.has(line.intent)) return;
    addRating(node, async (helpful) => {
      if (!state.conversationId) return false;
      const rating = { faqId: line.faqId, helpful };
      if (typeof line.messageId === "number") rating.messageId = line.messageId;
      try {
        await api.rate(state.conversationId, rating);
        return true;
      } catch (e) {
        return false; // offline or refused: the rating is simply not kept
      }
    });
  }

  function fail(message, again) {
    state.failed = again;
    showError(ui, message, Boolean(again));
  }

  function clearError() {
    state.failed = null;
    ui.error.hidden = true;
  }

  function retry() {
    const again = state.failed;
    clearError();
    if (again) again();
  }

  function setMode(handoff) {
    const previous = state.mode;
    state.mode = modeOf(handoff);
    const agentName = state.mode === "assigned" && handoff.agentName ? handoff.agentName : null;
    renderMode(ui, host, state.mode, handoff && typeof handoff.position === "number" ? handoff.position : 0, agentName);
    if (agentName && agentName !== state.agentName) addMessage("system", TEXT.joined(agentName));
    state.agentName = agentName;
    if (state.mode !== "assigned") stopAgentTyping();
    if (state.mode !== "bot") {
      parts.live.listen(state.conversationId);
    } else {
      parts.live.stop();
      if (previous !== "bot") addMessage("system", TEXT.handoffEnded);
      if (previous === "assigned") askForRating();
    }
  }

  /** After an agent's chat: the 1-5 star survey, stored with the ticket. */
  function askForRating() {
    const id = state.conversationId;
    append(ui, surveyNode(async (rating) => {
      try {
        await api.rateService(id, rating);
        return true;
      } catch (e) {
        return e.status === 409; // rated already (another tab): nothing left to do
      }
    }));
  }

  /** The agent is typing: shown until their message comes, the chat leaves them, or a few quiet seconds pass. */
  function agentTyping() {
    if (state.mode !== "assigned") return;
    setAgentTyping(ui, true);
    clearTimeout(state.agentTypingTimer);
    state.agentTypingTimer = setTimeout(() => setAgentTyping(ui, false), TYPING_SHOWN_MS);
  }

  function stopAgentTyping() {
    clearTimeout(state.agentTypingTimer);
    setAgentTyping(ui, false);
  }

  /** The user typed: while a person has (or is about to take) the chat, they are told, a few seconds apart. */
  function typing() {
    if (state.mode === "bot" || !state.conversationId) return;
    const now = performance.now();
    if (!typingDue(state.typingSentAt, now)) return;
    state.typingSentAt = now;
    api.typing(state.conversationId).catch(() => { /* a courtesy: a lost signal is no error to show */ });
  }

  function addLiveLine(line) {
    if (!line || typeof line.text !== "string") return;
    if (line.role === "agent") stopAgentTyping();
    const key = seenKey(line);
    if (state.seen.has(key)) return;
    state.seen.add(key);
    addMessage(line.role === "system" ? "system" : "agent", line.text, line.time);
  }

  function forget() {
    state.conversationId = null;
    save("localStorage", keys.conversation, null);
    save("localStorage", keys.chips, null);
  }

  /** Re-renders the stored conversation; resolves either way, so queued messages follow it. */
  async function restore() {
    if (!state.conversationId) return;
    setTyping(ui, true);
    let body;
    try {
      body = await api.transcript(state.conversationId);
    } catch (e) {
      setTyping(ui, false);
      fail(TEXT.loadFailed, () => { state.queue = state.queue.then(restore); });
      return;
    }
    setTyping(ui, false);
    if (!body) {
      forget();
      return;
    }
    for (const line of body.messages) {
      if (line.role === "agent" || line.role === "system") state.seen.add(seenKey(line));
      const node = addMessage(line.role, line.text, line.time, true);
      if (line.role === "bot" && line.action === "answer") rateable(node, line);
    }
    const last = body.messages[body.messages.length - 1];
    const chips = parse(load("localStorage", keys.chips) || "null");
    if (last && last.role === "bot" && chips && chips.conversationId === state.conversationId) addChips(chips.questions);
    setMode(body.handoff);
  }

  /** Queues a message: replies come back in the order the messages were sent. False when empty or too long. */
  function send(raw) {
    const text = String(raw || "").trim();
    if (!text || lengthNotice(text).over) return false;
    const node = addMessage("user", text);
    state.queue = state.queue.then(() => post(text, node));
    return true;
  }

  async function post(text, node) {
    state.pending += 1;
    setTyping(ui, true);
    try {
      received(await api.send(state.conversationId, text));
      markFailed(node, false);
    } catch (problem) {
      failed(problem, text, node);
    }
    state.pending -= 1;
    setTyping(ui, state.pending > 0);
  }

  function received(reply) {
    clearError();
    if (reply.conversationId && reply.conversationId !== state.conversationId) {
      state.conversationId = reply.conversationId;
      save("localStorage", keys.conversation, reply.conversationId);
    }
    if (reply.reply) {
      const node = addMessage("bot", reply.reply);
      if (reply.action === "answer") rateable(node, reply);
    }
    if (offersPerson(reply, state.mode)) append(ui, offerNode(() => send(TEXT.humanText)));
    const questions = chipQuestions(reply);
    addChips(questions);
    save("localStorage", keys.chips, JSON.stringify({ conversationId: state.conversationId, questions }));
    if (reply.action === "handoff" || state.mode !== "bot") setMode(reply.handoff);
  }

  function failed(problem, text, node) {
    markFailed(node, true);
    const status = problem && problem.status;
    if (problem && problem.tooFast) {
      fail(TEXT.tooFast, () => resend(text, node));
    } else if (status >= 400 && status < 500) {
      fail(TEXT.rejected, null);
    } else {
      fail(TEXT.offline, () => resend(text, node));
    }
  }

  function resend(text, node) {
    markFailed(node, false);
    state.queue = state.queue.then(() => post(text, node));
  }

  /** Starts over: greeting and the page's questions, no stored conversation. */
  function greet() {
    addMessage("bot", options.greeting, null, true);
    addChips(options.questions);
  }

  function reset() {
    parts.live.stop();
    forget();
    state.mode = "bot";
    setMode(null);
    while (ui.log.firstChild) ui.log.removeChild(ui.log.firstChild);
    ui.log.appendChild(ui.typing);
    greet();
  }

  function opened() {
    state.unread = 0;
    renderUnread(ui, 0, true);
  }

  return Object.freeze({
    send, retry, reset, greet, opened, forget, setMode, addLiveLine, agentTyping, typing,
    start: () => { state.queue = restore(); },
    handedOff: () => state.mode !== "bot"
  });
}
