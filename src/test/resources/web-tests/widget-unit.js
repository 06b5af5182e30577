/** Unit tests of the widget's pure modules, imported exactly as the widget imports them. */
import { ApiError } from "/widget/api.js";
import {
  chipQuestions, clock, modeOf, offersPerson, parse, seenKey, timeOf, TYPING_EVERY_MS, typingDue, waitingText
} from "/widget/format.js";
import { readOptions } from "/widget/options.js";
import { MAX_CHARS, TEXT } from "/widget/text.js";
import { equal, report, test } from "./unit.js";

const attrs = (map) => (name) => (name in map ? map[name] : null);
const anyColor = () => true;

test("a time today shows hours and minutes only", () => {
  const now = new Date(2026, 2, 7, 18, 0);
  equal(clock(new Date(2026, 2, 7, 9, 5), now), "09:05");
});

test("a time of another day shows the date in Chinese", () => {
  const now = new Date(2026, 2, 8, 18, 0);
  equal(clock(new Date(2026, 2, 7, 9, 5), now), "3月7日 09:05");
});

test("an unreadable or missing time is now", () => {
  const now = new Date(2026, 0, 1);
  equal(timeOf("not a time", now).getTime(), now.getTime());
  equal(timeOf(null, now).getTime(), now.getTime());
  equal(timeOf("2026-01-05T08:30:00Z", now).toISOString(), "2026-01-05T08:30:00.000Z");
});

test("queue positions read as the people ahead", () => {
  equal(waitingText(1), TEXT.waitingNext);
  equal(waitingText(4), "正在为您转接人工客服，前面还有 3 位，请稍候");
  equal(waitingText(500), "正在为您转接人工客服，前面还有 499 位以上，请稍候");
  equal(waitingText(0), TEXT.waitingUnknown);
  equal(waitingText(undefined), TEXT.waitingUnknown);
});

test("only waiting and assigned tickets leave the bot mode", () => {
  equal(modeOf(null), "bot");
  equal(modeOf({ status: "waiting" }), "waiting");
  equal(modeOf({ status: "assigned" }), "assigned");
  equal(modeOf({ status: "closed" }), "bot");
});

test("a transcript line is identified by role, time and text", () => {
  equal(seenKey({ role: "agent", time: "t", text: "你好" }), "agent|t|你好");
});

test("no chips during a handoff or without suggestions", () => {
  equal(chipQuestions({ action: "answer", suggestions: [{ question: "甲" }, { question: "" }, null, { question: "乙" }] }), ["甲", "乙"]);
  equal(chipQuestions({ action: "handoff", suggestions: [{ question: "甲" }] }), []);
  equal(chipQuestions({ action: "fallback" }), []);
});

test("a person is offered under a second failure, steps that did not help or an urgent answer, only with the bot", () => {
  equal(offersPerson({ action: "fallback", reason: "repeated_fallback" }, "bot"), true);
  equal(offersPerson({ action: "answer", reason: "still_not_solved" }, "bot"), true);
  equal(offersPerson({ action: "answer", reason: "priority_intent" }, "bot"), true);
  equal(offersPerson({ action: "fallback", reason: "out_of_scope" }, "bot"), false);
  equal(offersPerson({ action: "answer", reason: "priority_intent" }, "waiting"), false);
  equal(offersPerson({ action: "handoff", reason: "repeated_fallback" }, "bot"), false);
});

test("parse returns null for text that is not JSON", () => {
  equal(parse("{\"a\":1}"), { a: 1 });
  equal(parse("<html>"), null);
});

test("options fall back to defaults and trim what the page gives", () => {
  const o = readOptions(attrs({ title: "  ", questions: " 一 | |二|", position: "top" }), "https://kefu.example", anyColor);
  equal(o.api, "https://kefu.example");
  equal(o.title, "智能 在线客服");
  equal(o.position, "bottom-right");
  equal(o.questions, ["一", "二"]);
});

test("data-api wins over the script's origin and loses its trailing slashes", () => {
  const o = readOptions(attrs({ api: "https://api.example//", position: "bottom-left" }), "https://cdn.example", anyColor);
  equal(o.api, "https://api.example");
  equal(o.position, "bottom-left");
});

test("an accent that is not a colour is replaced by the default", () => {
  const o = readOptions(attrs({ accent: "url(x)" }), "https://k", (c) => CSS.supports("color", c));
  equal(o.accent, "#1264e0");
  equal(readOptions(attrs({ accent: "rgb(0, 128, 0)" }), "https://k", (c) => CSS.supports("color", c)).accent, "rgb(0, 128, 0)");
});

test("rate limits and busy conversations are retried, other 4xx are not", () => {
  equal(new ApiError(429).tooFast, true);
  equal(new ApiError(409).retriable, true);
  equal(new ApiError(0).retriable, true);
  equal(new ApiError(503).retriable, true);
  equal(new ApiError(400).retriable, false);
  equal(new ApiError(400).tooFast, false);
});

test("the counter names the limit", () => {
  equal(TEXT.counter(12), `12/${MAX_CHARS}`);
});

test("the user's typing signals go out at most once per interval", () => {
  equal(typingDue(null, 0), true);
  equal(typingDue(500, 500 + TYPING_EVERY_MS - 1), false);
  equal(typingDue(500, 500 + TYPING_EVERY_MS), true);
});

report();
