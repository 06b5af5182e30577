/** The widget's user-facing strings (Simplified Chinese) and the limits they mention. */

/** The longest message the server takes, in characters (code points, as the server counts them). */
export const MAX_CHARS = 500;

/** The server counts queue positions up to this; that one means "or further". */
export const MAX_POSITION = 500;

export const TEXT = Object.freeze({
  launcherOpen: "打开在线客服",
  launcherClose: "关闭在线客服",
  close: "关闭客服窗口",
  subtitleBot: "智能助手 · 24 小时在线",
  subtitleWaiting: "正在转接人工客服",
  subtitleAssigned: "人工客服服务中",
  input: "输入您的问题",
  placeholder: "请输入您的问题",
  keys: "按 Enter 发送，Shift+Enter 换行，Esc 关闭窗口",
  send: "发送",
  human: "转人工",
  humanBusy: "已转人工",
  humanText: "转人工",
  offerPerson: "转人工客服",
  cancelHandoff: "取消转人工",
  cancelText: "取消转人工",
  log: "对话记录",
  chips: "猜您想问",
  typing: "对方正在输入",
  bot: "智能助手",
  agent: "人工客服",
  you: "我",
  system: "系统消息",
  waitingNext: "正在为您转接人工客服，您排在第 1 位，请稍候",
  waitingAhead: (ahead) => `正在为您转接人工客服，前面还有 ${ahead}，请稍候`,
  waitingUnknown: "正在为您转接人工客服，请稍候",
  assigned: "人工客服已接入，请直接描述您的问题",
  assignedBy: (name) => `客服 ${name} 已接入，请直接描述您的问题`,
  joined: (name) => `客服 ${name} 为您服务`,
  surveyTitle: "请为本次人工服务打分",
  star: (n) => `${n} 星`,
  surveyComment: "补充意见（可选）",
  surveySend: "提交评价",
  surveyThanks: "感谢您的评价！",
  surveyFailed: "评价提交失败，请稍后重试",
  handoffEnded: "人工服务已结束，智能助手将继续为您服务",
  offline: "无法连接客服服务器，请检查网络后重试",
  loadFailed: "聊天记录加载失败，请检查网络后重试",
  retry: "重试",
  notSent: "未发送",
  tooFast: "发送太频繁，请稍后再试",
  rejected: "消息未能发送，请修改后重试",
  helpful: "有帮助",
  unhelpful: "没帮助",
  rated: "感谢您的反馈",
  counter: (n) => `${n}/${MAX_CHARS}`,
  atLimit: `已达到 ${MAX_CHARS} 字上限`,
  overLimit: (excess) => `已超出 ${MAX_CHARS} 字上限 ${excess} 字，请删减后再发送`,
  unread: (n) => `${n} 条新消息`
});
