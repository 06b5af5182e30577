-- wrk script: POST /api/messages with varied Chinese messages, a fresh conversation per request
-- (so that no conversation is handed off and every request runs the whole pipeline and
-- persists a turn).
local messages = {
  "付款一直失败", "我的账号被盗了", "退款多久到账", "忘记密码了", "退款什么时候到",
  "帳號被盜了怎麼辦", "提现到银行卡要手续费吗", "账户被冻结了怎么解冻", "怎么修改绑定的手机号",
  "扫码付款提示银行卡被拒绝", "refund 多久到", "你好", "谢谢", "客服电话是多少",
  "每天转账限额是多少", "钱被扣了但是订单显示未支付", "今天天气怎么样", "支付密码忘了怎么重置",
}
local bodies = {}
for i, m in ipairs(messages) do
  bodies[i] = '{"text":"' .. m .. '"}'
end
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  return wrk.format(nil, "/api/messages", nil, bodies[(n % #bodies) + 1])
end
