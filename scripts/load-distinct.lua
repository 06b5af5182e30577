-- wrk script for scripts/load.sh (KEFU_LOAD_SCRIPT=scripts/load-distinct.lua): POSTs the messages
-- of corpus/eval.tsv (second column), each as the first message of a new conversation, with the
-- request's number appended so that no text repeats: every request misses the analysis cache and
-- goes through the whole pipeline (the encoder where the cheap features do not decide).
-- The summary (done) is scripts/load.lua's.
dofile("scripts/load.lua")

local messages = {}
for line in io.lines("corpus/eval.tsv") do
  local text = line:match("^[^\t#][^\t]*\t([^\t]+)")
  if text then
    messages[#messages + 1] = text:gsub("\\", "\\\\"):gsub('"', '\\"')
  end
end
assert(#messages > 0, "no messages read from corpus/eval.tsv")
local i = 0
local thread_id = 0

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("offset", thread_id * 100000000)
end

request = function()
  i = i + 1
  local text = messages[(i % #messages) + 1] .. " " .. tostring((offset or 0) + i)
  return wrk.format("POST", "/api/messages", {["Content-Type"] = "application/json; charset=utf-8"},
    '{"text":"' .. text .. '"}')
end
