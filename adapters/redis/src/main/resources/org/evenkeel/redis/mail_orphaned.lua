-- Conversations with mail waiting and no lease: their holder crashed or gave up.
--
-- KEYS  the partitions' sets of conversations with mail waiting (sorted sets of
--       "<platform>:<chatId>:<userId>"), in the order to search them. On Redis Cluster one
--       partition per call, since a script's keys must share a slot; elsewhere any number.
-- ARGV  1 at most this many   2 look at no more than this many waiting conversations, over all
--       partitions together   3 .. 2+#KEYS the prefix of the members' keys of each partition, in
--       the order of KEYS ("<prefix>:{p<k>}:m:")
-- Returns { conversation key, score, ... }: in each partition, those that made progress longest
-- ago first.
--
-- Leases and mailboxes live in their members' partitions: their names are built here from the
-- partition's member prefix and the conversation key (see RedisKeys). They carry the hash tag of
-- the waiting set they were found in, so they are in its slot, which Redis Cluster requires. A
-- waiting entry whose mailbox no longer exists is removed on the way.

local found = {}
local max = tonumber(ARGV[1])
local budget = tonumber(ARGV[2])
local page = 100
for k, waiting in ipairs(KEYS) do
  local members = ARGV[2 + k]
  local start = 0
  while #found < 2 * max and budget > 0 do
    local size = math.min(page, budget)
    local entries = redis.call('ZRANGE', waiting, start, start + size - 1, 'WITHSCORES')
    if #entries == 0 then break end
    for i = 1, #entries, 2 do
      local conversation = entries[i]
      budget = budget - 1
      local platform, chat, user = string.match(conversation, '^([^:]+):([^:]+):([^:]+)$')
      local member = members .. platform .. ':' .. user .. ':'
      if redis.call('EXISTS', member .. 'mail:' .. chat) == 0 then
        redis.call('ZREM', waiting, conversation)
        start = start - 1
      elseif redis.call('EXISTS', member .. 'lease:' .. chat) == 0 then
        found[#found + 1] = conversation
        found[#found + 1] = entries[i + 1]
        if #found == 2 * max then break end
      end
    end
    start = start + size
  end
  if #found == 2 * max or budget <= 0 then break end
end
return found
