/** The console's user-facing text (Simplified Chinese), in one place. */
export const TEXT = Object.freeze({
  title: "智能 客服工作台",
  modelVersion: (v) => (v === "files" || v === undefined ? "知识库：模型文件" : "知识库：第 " + v + " 版"),
  status: { waiting: "等待中", assigned: "处理中", closed: "已结束", handed_back: "已交还机器人" },
  reason: {
    confident_match: "置信匹配", priority_intent: "紧急问题", close_candidates: "多个意图接近",
    close_answers: "条目接近", sure_topic: "主题明确、条目不确定",
    low_confidence: "置信度低", out_of_scope: "超出服务范围", no_answer: "没有对应答案",
    empty_message: "空消息", user_request: "用户要求人工", repeated_fallback: "连续未能解答",
    with_agent: "人工服务中"
  },
  action: { answer: "回答", clarify: "澄清", fallback: "未能回答", handoff: "转人工" },
  intent: {
    payment_failed: "付款失败", account_stolen: "账号被盗", account_restricted: "账户受限",
    change_account_info: "修改账户信息", refund_time: "退款时效", forgot_password: "忘记密码",
    contact_hotline: "联系客服", human_agent: "要求人工", greeting: "问候", thanks: "感谢", goodbye: "告别",
    fees_limits: "费用与限额", transfer_withdraw: "转账提现", oos: "超出范围"
  },
  role: { user: "用户", bot: "智能助手", agent: "客服", system: "系统" },
  noTickets: { waiting: "暂无等待中的工单", assigned: "暂无处理中的工单", ended: "暂无已结束的工单" },
  older: "更早的记录",
  noMatches: "没有找到匹配的已结束会话",
  searchResults: (query, n) => "「" + query + "」：找到 " + n + " 个已结束的会话" + (n >= 50 ? "（最多显示 50 个）" : ""),
  loadingOlder: "正在加载…",
  olderLoaded: (n) => "已加载 " + n + " 条更早的记录",
  nameInvalid: "客服名称只能包含英文字母、数字、空格或 . _ -，最多 40 个字符",
  tokenMissing: "请输入客服令牌",
  tokenWrong: "令牌错误，请核对后重试",
  apiDisabled: "客服接口的令牌访问未启用：请用客服账号登录，或由管理员设置 KEFU_AGENT_TOKEN 后重启 kefu",
  loggingIn: "正在登录…",
  login: "登录",
  sessionExpired: "登录已失效（令牌错误或已更换），请重新登录",
  offline: "无法连接服务器，请检查网络后重试",
  notFound: "工单不存在",
  tooFast: "操作太频繁，请稍后再试",
  serverDown: "服务器暂时不可用，请稍后重试",
  badRequest: "请求内容有误",
  replyInvalid: "回复不能为空，且不能超过 2000 个字",
  conflict: {
    claimed: "该工单已被其他客服认领",
    claimFirst: "请先认领该工单再回复",
    otherAgent: "该工单由其他客服处理，您不能回复",
    closed: "该工单已结束",
    handedBack: "该工单已交还机器人",
    other: "工单状态已变化，操作未执行"
  },
  refreshed: "，已刷新工单",
  live: "实时更新已连接",
  connecting: "正在连接实时更新…",
  down: "实时连接中断，正在重试…",
  claim: "认领", claimed: "已认领",
  replyPlaceholder: {
    mine: "输入回复内容…",
    waiting: "认领工单后即可回复用户",
    other: (agent) => "该工单由 " + agent + " 处理中",
    ended: "工单已结束，不能再回复"
  },
  closeTitle: "结束会话",
  closeText: "结束后用户会收到“人工服务已结束”的提示，之后的消息由智能助手回答。",
  closeOk: "确认结束",
  handbackTitle: "交还机器人",
  handbackText: "交还后由智能助手继续回答用户，本工单随之结束。",
  handbackOk: "确认交还",
  facts: { conversation: "会话", created: "创建", wait: "等待", position: "排队", agent: "客服", claimed: "接入", closed: "结束" },
  waitedFor: (s) => "等待 " + s,
  positionN: (n) => "第 " + n + " 位",
  handledBy: (agent) => agent + " 处理中",
  ticketName: (t) => t.number ? "工单 #" + t.number : "工单 " + t.ticketId.slice(0, 8),
  customer: (t) => {
    const id = String(t.customer || "");
    return t.channel === "wechat" ? "微信用户 …" + id.slice(-6) : t.channel === "generic" ? "接口用户 " + id.slice(0, 16)
      : "网页访客";
  },
  unreadN: (n) => n + " 条未读",
  presence: { online: "在线", away: "离开", offline: "离线" },
  noColleague: "没有可以转交的同事",
  transferFailed: "转交失败",
  whyText: (reason, intent) => "原因：" + reason + (intent ? "；识别的问题：" + intent : ""),
  whyBot: (action, intent, confidence, reason) =>
    "转人工时机器人的判断：" + action + "，意图 " + intent + "，置信度 " + confidence + "，决策原因 " + reason,
  autoAck: "自动回执：人工服务中，机器人不作答",
  noBotDecision: "对话中没有机器人的判断记录",
  note: (text) => "处理备注：" + text,
  confidence: (c) => "置信度 " + c,
  intentBadge: (i) => "意图 " + i,
  reasonBadge: (r) => "原因 " + r,
  faqFor: (text) => "针对用户最后一条消息：「" + text + "」，点击插入回复框",
  faqNone: "没有找到相关的常见问题答案",
  faqEmpty: "选择工单后，这里显示针对用户最后一条消息的常见问题答案，点击即可插入回复框。",
  faqUse: "插入回复框",
  faqUseDisabled: "认领后可插入",
  inserted: "已插入推荐答案，可修改后发送",
  newTicket: "有新的转人工请求",
  newMessage: "用户发来新消息",
  userTyping: "用户正在输入…",
  duration: (seconds) => {
    const s = Math.max(0, Math.floor(seconds));
    if (s < 60) return s + " 秒";
    if (s < 3600) return Math.floor(s / 60) + " 分 " + (s % 60) + " 秒";
    return Math.floor(s / 3600) + " 小时 " + Math.floor((s % 3600) / 60) + " 分";
  }
});
