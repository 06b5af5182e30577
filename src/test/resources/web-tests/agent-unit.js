/** Unit tests of the agent console's modules that hold logic, imported exactly as the console imports them. */
import { api, ApiError, loginProblemText, problemText } from "/agent/assets/api.js";
import {
  cannedQuery, clock, countText, eventsPath, handoffDecision, isMine, lastLine, lastUserText, pageTitle, parseTags, sameLine,
  ticketSub, ticketTitle, typingDue, TYPING_EVERY_MS, unreadOf
} from "/agent/assets/format.js";
import { TEXT } from "/agent/assets/text.js";
import { equal, report, test } from "./unit.js";

const token = { token: "t", agent: "li.na" };

test("a time of today shows the clock, another day the date too", () => {
  const now = new Date(2026, 2, 7, 18, 0);
  equal(clock(new Date(2026, 2, 7, 9, 5, 3).toISOString(), false, now), "09:05:03");
  equal(clock(new Date(2026, 2, 6, 9, 5, 3).toISOString(), false, now), "3月6日 09:05:03");
  equal(clock(new Date(2026, 2, 7, 9, 5, 3).toISOString(), true, now), "3月7日 09:05:03");
  equal(clock("not a time"), "");
});

test("durations read in seconds, minutes or hours", () => {
  equal(TEXT.duration(42.7), "42 秒");
  equal(TEXT.duration(185), "3 分 5 秒");
  equal(TEXT.duration(3720), "1 小时 2 分");
  equal(TEXT.duration(-5), "0 秒");
});

test("a queue entry names number, reason, intent, position and customer", () => {
  const t = { number: 1024, reason: "user_request", intent: "refund_time", status: "waiting", position: 2, channel: "web" };
  equal(ticketTitle(t), "#1024 用户要求人工 · 退款时效");
  equal(ticketSub(t), "第 2 位 · 网页访客");
  equal(ticketSub({ status: "assigned", agent: "lina", channel: "wechat", customer: "oABCDEF123456" }), "lina 处理中 · 微信用户 …123456");
  equal(ticketTitle({ reason: "made_up" }), "made_up");
});

test("the last message is previewed with its role and cut at 40 characters", () => {
  equal(lastLine({ lastMessage: { role: "user", text: "退款" } }), "用户：退款");
  const long = lastLine({ lastMessage: { role: "agent", text: "很".repeat(60) } });
  equal(long.length, 41);
  equal(long.endsWith("…"), true);
  equal(lastLine({}), "");
});

test("unread counts: none on the open ticket, the server's count, at least one after a live message", () => {
  const t = { ticketId: "a", conversationId: "c", unread: 3 };
  equal(unreadOf(t, "a", {}), 0);
  equal(unreadOf(t, "b", {}), 3);
  equal(unreadOf({ ticketId: "a", conversationId: "c" }, null, { c: true }), 1);
  equal(unreadOf({ ticketId: "a", conversationId: "c" }, null, {}), 0);
});

test("the tab title counts waiting tickets and unread messages", () => {
  equal(pageTitle(0, 0), "智能 客服工作台");
  equal(pageTitle(3, 0), "(3) 智能 客服工作台");
  equal(pageTitle(3, 2), "(3) [2 条未读] 智能 客服工作台");
  equal(countText(12, 500), "12");
  equal(countText(500, 500), "500+");
});

test("a ticket is mine when it is assigned to my login (an account) or my name (the token)", () => {
  equal(isMine({ status: "assigned", agent: "lina" }, { login: "lina", agent: "李娜" }), true);
  equal(isMine({ status: "assigned", agent: "li.na" }, token), true);
  equal(isMine({ status: "waiting", agent: null }, token), false);
  equal(isMine({ status: "assigned", agent: "wei" }, { login: "lina", agent: "李娜" }), false);
  equal(isMine(null, token), false);
});

test("a live line and its stored copy are one line; agents' lines by their exact time", () => {
  equal(sameLine({ role: "user", text: "你好", time: "2026-03-07T10:00:00Z" }, { role: "user", text: "你好", time: "2026-03-07T10:00:04Z" }), true);
  equal(sameLine({ role: "user", text: "你好", time: "2026-03-07T10:00:00Z" }, { role: "user", text: "你好", time: "2026-03-07T10:00:30Z" }), false);
  equal(sameLine({ role: "agent", text: "好", time: "2026-03-07T10:00:00Z" }, { role: "agent", text: "好", time: "2026-03-07T10:00:00.001Z" }), false);
  equal(sameLine({ role: "user", text: "甲", time: "t" }, { role: "bot", text: "甲", time: "t" }), false);
});

test("tags are split at either comma and trimmed", () => {
  equal(parseTags(" 退款，投诉 ,, vip "), ["退款", "投诉", "vip"]);
  equal(parseTags(""), []);
});

test("the reasons shown are the bot's handoff, else its last decision", () => {
  const messages = [
    { role: "user", text: "退款多久到账" },
    { role: "bot", action: "answer", reason: "confident_match" },
    { role: "user", text: "转人工" },
    { role: "bot", action: "handoff", reason: "user_request" },
    { role: "bot", action: "handoff", reason: "with_agent" }
  ];
  equal(handoffDecision(messages).reason, "user_request");
  equal(handoffDecision(messages.slice(0, 2)).reason, "confident_match");
  equal(handoffDecision([]), null);
  equal(lastUserText(messages), "转人工");
  equal(lastUserText([]), null);
});

test("a reply that starts with / searches the canned replies for the rest", () => {
  equal(cannedQuery("/ref"), "ref");
  equal(cannedQuery("/ 退款 "), "退款");
  equal(cannedQuery("/"), "");
  equal(cannedQuery("退款 /ref"), null);
  equal(cannedQuery(""), null);
});

test("typing signals go out at most once per interval", () => {
  equal(typingDue(null, 0), true);
  equal(typingDue(1000, 1000 + TYPING_EVERY_MS - 1), false);
  equal(typingDue(1000, 1000 + TYPING_EVERY_MS), true);
  equal(TYPING_EVERY_MS >= 2000 && TYPING_EVERY_MS <= 3000, true);
});

test("a reconnecting stream asks for what it missed after the last event id", () => {
  equal(eventsPath(null, ""), "/api/agent/events");
  equal(eventsPath(null, "1764650000123"), "/api/agent/events?lastEventId=1764650000123");
  equal(eventsPath("a+b/c", "17"), "/api/agent/events?ticket=a%2Bb%2Fc&lastEventId=17");
  equal(eventsPath("t", ""), "/api/agent/events?ticket=t");
});

test("refusals read as what the agent can do about them", () => {
  equal(problemText(new ApiError(0)), TEXT.offline);
  equal(problemText(new ApiError(404)), TEXT.notFound);
  equal(problemText(new ApiError(429)), TEXT.tooFast);
  equal(problemText(new ApiError(400), "reply"), TEXT.replyInvalid);
  equal(problemText(new ApiError(400), "claim"), TEXT.badRequest);
  equal(problemText(new ApiError(409, "ticket t is already claimed by wang")), TEXT.conflict.claimed + TEXT.refreshed);
  equal(problemText(new ApiError(409, "ticket t is assigned to wang")), TEXT.conflict.otherAgent + TEXT.refreshed);
  equal(problemText(new ApiError(503)), TEXT.serverDown);
});

test("a refused token says whether it was wrong or the token API is switched off", () => {
  equal(loginProblemText(new ApiError(401, "wrong agent token", "wrong_agent_token")), TEXT.tokenWrong);
  equal(loginProblemText(new ApiError(401, "the agent API has no token", "agent_api_disabled")), TEXT.apiDisabled);
  equal(loginProblemText(new ApiError(0)), TEXT.offline);
});

// the client against the test server's /status/{n}: real fetches, real JSON (and none)
test("the client turns an error body into status, message and code", async () => {
  try {
    await api("GET", "/status/401?code=agent_api_disabled", undefined, token);
    throw new Error("no rejection");
  } catch (e) {
    equal([e instanceof ApiError, e.status, e.code, e.error], [true, 401, "agent_api_disabled", "refused with 401"]);
  }
});

test("the client sends the machine token and the agent's name, and resolves with the body", async () => {
  const body = await api("POST", "/status/200", { text: "你好" }, token);
  equal([body.authorization, body.agent, body.csrf, body.body], ["Bearer t", "li.na", null, "{\"text\":\"你好\"}"]);
  const account = await api("GET", "/status/200", undefined, { csrf: "c1", agent: "李娜" });
  equal([account.authorization, account.csrf], [null, "c1"]);
});

test("an answer that is not JSON still rejects with its status; an unreachable server with status 0", async () => {
  try {
    await api("GET", "/status/502?plain=1", undefined, token);
    throw new Error("no rejection");
  } catch (e) {
    equal([e.status, e.code, e.error], [502, "", ""]);
  }
  try {
    await api("GET", "http://127.0.0.1:1/unreachable", undefined, token);
    throw new Error("no rejection");
  } catch (e) {
    equal(e.status, 0);
  }
});

report();
