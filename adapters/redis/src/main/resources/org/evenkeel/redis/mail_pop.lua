-- Removes the head of a conversation's mailbox once its turn is done, and extends the lease.
--
-- KEYS  1 the conversation's lease   2 its mailbox   3 conversations with mail waiting
-- ARGV  1 the holder's token   2 the handled event's id   3 the lease's time to live (ms)
--       4 the conversation key
-- Returns 0, changing nothing, when the token no longer holds the lease (it expired, and perhaps
-- another instance took it). Otherwise returns 1; the head is removed only when it is that event
-- (a second pop of the same event removes nothing). An emptied mailbox leaves the waiting set; one
-- with more mail is rescored by now, so conversations that make progress go to the back and the
-- ones stuck longest stay in front for the orphan search.

if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local head = redis.call('LINDEX', KEYS[2], 0)
if head and cjson.decode(head)['i'] == ARGV[2] then
  redis.call('LPOP', KEYS[2])
  if redis.call('EXISTS', KEYS[2]) == 0 then
    redis.call('ZREM', KEYS[3], ARGV[4])
  else
    local clock = redis.call('TIME')
    redis.call('ZADD', KEYS[3], 'XX',
      tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000), ARGV[4])
  end
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
