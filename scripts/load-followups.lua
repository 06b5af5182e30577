-- wrk script for scripts/load.sh (KEFU_LOAD_SCRIPT=scripts/load-followups.lua): follow-up turns.
-- Each wrk thread starts 64 conversations, then sends every further message to one of them in
-- turn (16 connections per thread: no two requests of one conversation overlap). No message
-- falls back or asks for a person, so the conversations stay with the bot.
local messages = {
  "退款多久到账", "帳號被盜了怎麼辦！！！", "支付失败但是钱扣了", "怎么修改绑定的手机号",
  "账户被冻结了怎么解除", "忘记支付密码了", "客服电话是多少", "你好", "谢谢", "再见",
  "tuikuan什么时候到", "提现到银行卡要多久", "转账手续费是多少", "扫码付款一直失败",
}
local headers = {["Content-Type"] = "application/json; charset=utf-8"}
local ids = {}
local i = 0

request = function()
  i = i + 1
  local text = messages[(i % #messages) + 1]
  if #ids < 64 then
    return wrk.format("POST", "/api/messages", headers, '{"text":"' .. text .. '"}')
  end
  return wrk.format("POST", "/api/messages", headers,
    '{"conversationId":"' .. ids[(i % #ids) + 1] .. '","text":"' .. text .. '"}')
end

response = function(status, hdrs, body)
  if #ids < 64 and status == 200 then
    local id = body:match('"conversationId":"([^"]+)"')
    if id then table.insert(ids, id) end
  end
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status %d), %.0f req/s\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("latency p%s %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
