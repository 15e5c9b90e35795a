-- Conversations with mail waiting and no lease: their holder crashed or gave up.
--
-- KEYS  1 conversations with mail waiting (sorted set of "<platform>:<chatId>:<userId>")
-- ARGV  1 at most this many   2 look at no more than this many of the waiting conversations
--       3 the key prefix
-- Returns conversation keys, those that made progress longest ago first.
--
-- Leases and mailboxes live in their members' slots: their names are built here from the prefix
-- and the conversation key (see RedisKeys), which a standalone or Sentinel Redis allows and Redis
-- Cluster would not. A waiting entry whose mailbox no longer exists is removed on the way.

local found = {}
local max = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local page = 100
local start = 0
while #found < max and start < limit do
  local waiting = redis.call('ZRANGE', KEYS[1], start, start + page - 1)
  if #waiting == 0 then break end
  for _, conversation in ipairs(waiting) do
    local platform, chat, user = string.match(conversation, '^([^:]+):([^:]+):([^:]+)$')
    local tag = ARGV[3] .. ':{m:' .. platform .. ':' .. user .. '}:'
    if redis.call('EXISTS', tag .. 'mail:' .. chat) == 0 then
      redis.call('ZREM', KEYS[1], conversation)
      start = start - 1
    elseif redis.call('EXISTS', tag .. 'lease:' .. chat) == 0 then
      found[#found + 1] = conversation
      if #found == max then break end
    end
  end
  start = start + page
end
return found
