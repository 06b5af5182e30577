// Pure parts of the review inbox: how a message's trigger reads, what each action's form starts
// with, and which knowledge-base calls an action makes. No DOM, no network (tested by
// inbox-format-test.html in the browser tests).

export const TEXT = {
  action: { fallback: "未能回答", handoff: "转人工", answer: "已回答", clarify: "澄清" },
  reason: {
    low_confidence: "置信度低", out_of_scope: "超出服务范围", no_answer: "没有对应答案", close_candidates: "多个意图接近",
    repeated_fallback: "连续未能解答", repeated_message: "重复同一句话", still_not_solved: "仍未解决",
    vague_message: "问题太笼统", empty_message: "空消息", confident_match: "置信匹配", close_answers: "条目接近", sure_topic: "主题明确、条目不确定",
    follow_up: "追问", priority_intent: "紧急问题",
  },
  thumbsDown: "👎 用户反馈无帮助",
  lowScore: (score) => `低分回答 ${percent(score)}`,
  kinds: {
    phrase: "加为已有条目的问法", entry: "新建条目", oos: "标为超出范围", dismiss: "忽略",
  },
};

export function percent(x) {
  return typeof x === "number" ? `${Math.round(x * 1000) / 10}%` : "—";
}

/** Why a message is in the inbox, as short tags: [text, flagged]. */
export function triggers(item, threshold) {
  const tags = [];
  const action = TEXT.action[item.action] || item.action;
  if (item.action === "fallback" || item.action === "handoff") {
    tags.push([`${action}（${TEXT.reason[item.reason] || item.reason}）`, true]);
  }
  if (item.thumbsDown) tags.push([TEXT.thumbsDown, true]);
  if (item.action === "answer" && typeof item.answerScore === "number" && item.answerScore < threshold) {
    tags.push([TEXT.lowScore(item.answerScore), true]);
  }
  if (item.action === "answer" && item.faqId) tags.push([`答案 ${item.faqId}`, false]);
  tags.push([`意图置信度 ${percent(item.confidence)}`, false]);
  return tags;
}

/**
 * The messages an action applies to: the checked ones, or the whole cluster when none is checked
 * ({@code ids}), and those of them whose text the page has ({@code shown}: the cluster's examples).
 */
export function scope(cluster, checkedIds) {
  const checked = cluster.examples.filter((m) => checkedIds.includes(m.messageId));
  const shown = checked.length ? checked : cluster.examples;
  return { ids: checked.length ? shown.map((m) => m.messageId) : cluster.messageIds.slice(),
    shown: shown.map((m) => m.messageId), texts: shown.map((m) => m.text) };
}

/**
 * The messages whose outcome is recorded: each phrasing and out-of-scope example is sent per
 * message, so only the messages sent are reviewed (the others of a big cluster stay in the
 * inbox); a new entry or a dismissal covers them all.
 */
export function reviewed(kind, chosen) {
  return kind === "phrase" || kind === "oos" ? chosen.shown : chosen.ids;
}

/** The form of an action, prefilled: the ranker's suggested entry, the messages as question and phrasings, the agent's answer. */
export function prefill(kind, cluster, texts) {
  return {
    faqId: kind === "phrase" && cluster.suggestion ? cluster.suggestion.faqId : "",
    intent: "",
    question: kind === "entry" ? texts[0] || "" : "",
    paraphrases: kind === "entry" ? texts.slice(1).join("\n") : "",
    answer: kind === "entry" ? cluster.draftAnswer || "" : "",
    comment: "",
  };
}

/** What is missing from a filled form, or "" when it can be sent. */
export function missing(kind, values) {
  if ((kind === "phrase" || kind === "entry") && !values.faqId.trim()) return "请填写条目编号。";
  if (kind === "entry" && (!values.intent.trim() || !values.question.trim() || !values.answer.trim())) {
    return "新建条目需要意图、标准问题和答案。";
  }
  return "";
}

/**
 * The knowledge-base calls of an action (the studio editor's API), in order: one phrasing or one
 * out-of-scope example per message, or one new entry. Dismissing makes none.
 */
export function calls(kind, values, texts) {
  const comment = values.comment.trim() || undefined;
  if (kind === "phrase") {
    return texts.map((text) => ({ path: `/api/studio/entries/${encodeURIComponent(values.faqId.trim())}/phrasings`,
      body: { text, comment } }));
  }
  if (kind === "entry") {
    return [{ path: "/api/studio/entries", body: { id: values.faqId.trim(), intent: values.intent.trim(),
      question: values.question.trim(),
      paraphrases: values.paraphrases.split("\n").map((p) => p.trim()).filter(Boolean),
      answer: values.answer.trim(), comment } }];
  }
  if (kind === "oos") return texts.map((text) => ({ path: "/api/studio/examples", body: { intent: "oos", text, comment } }));
  return [];
}

/** The outcome recorded for an action (POST /api/studio/inbox/reviews). */
export function outcome(kind) {
  return { phrase: "added_to_entry", entry: "new_entry", oos: "out_of_scope", dismiss: "dismissed" }[kind];
}
