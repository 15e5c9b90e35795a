-- Hands out due timers, earliest first, and hides them until a deadline.
--
-- KEYS  1 due-queue (score: due time)   2 claimed (score: when visible again)
-- ARGV  1 now   2 at most this many   3 when the claimed ones become visible again
-- Times are epoch milliseconds. Claims whose deadline passed go back to the due-queue first (at
-- most 1000 per call, so one call never blocks Redis for long), scored by the due time their entry
-- starts with. Returns the claimed entries.

local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, 1000)
for _, entry in ipairs(expired) do
  redis.call('ZREM', KEYS[2], entry)
  redis.call('ZADD', KEYS[1], string.match(entry, '^[^:]+'), entry)
end

local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, entry in ipairs(due) do
  redis.call('ZREM', KEYS[1], entry)
  redis.call('ZADD', KEYS[2], ARGV[3], entry)
end
return due
