-- Hands out due timers, earliest first within each partition, and hides them until a deadline.
--
-- KEYS  two per partition, in the order to search them: its due-queue (score: due time), then its
--       claimed set (score: when visible again). On Redis Cluster one partition per call, since a
--       script's keys must share a slot; elsewhere any number.
-- ARGV  1 now   2 at most this many   3 when the claimed ones become visible again
-- Times are epoch milliseconds. In each partition, claims whose deadline passed go back to its
-- due-queue first (at most 1000 per call over all partitions, so one call never blocks Redis for
-- long), scored by the due time their entry starts with. Partitions after the one where `max` was
-- reached are not touched. Returns the claimed entries.

local max = tonumber(ARGV[2])
local returns = 1000
local claimed = {}
for p = 1, #KEYS, 2 do
  local queue, hidden = KEYS[p], KEYS[p + 1]
  if returns > 0 then
    local expired = redis.call('ZRANGEBYSCORE', hidden, '-inf', ARGV[1], 'LIMIT', 0, returns)
    for _, entry in ipairs(expired) do
      redis.call('ZREM', hidden, entry)
      redis.call('ZADD', queue, string.match(entry, '^[^:]+'), entry)
    end
    returns = returns - #expired
  end

  local due = redis.call('ZRANGEBYSCORE', queue, '-inf', ARGV[1], 'LIMIT', 0, max - #claimed)
  for _, entry in ipairs(due) do
    redis.call('ZREM', queue, entry)
    redis.call('ZADD', hidden, ARGV[3], entry)
    claimed[#claimed + 1] = entry
  end
  if #claimed >= max then break end
end
return claimed
