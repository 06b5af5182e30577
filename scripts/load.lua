-- wrk script for scripts/load.sh: POSTs varied Chinese messages to /api/messages, each as the
-- first message of a new conversation (no conversationId), and prints latency percentiles.
local messages = {
  "退款多久到账", "帳號被盜了怎麼辦！！！", "转人工", "支付失败但是钱扣了", "怎么修改绑定的手机号",
  "账户被冻结了怎么解除", "忘记支付密码了", "客服电话是多少", "你好", "谢谢", "再见",
  "tuikuan什么时候到", "今天天气怎么样", "提现到银行卡要多久", "转账手续费是多少", "扫码付款一直失败",
}
local i = 0

request = function()
  i = i + 1
  local text = messages[(i % #messages) + 1]
  return wrk.format("POST", "/api/messages", {["Content-Type"] = "application/json; charset=utf-8"},
    '{"text":"' .. text .. '"}')
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status %d, timeout %d), %.0f req/s\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, summary.errors.status, summary.errors.timeout,
    summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("latency p%s %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
