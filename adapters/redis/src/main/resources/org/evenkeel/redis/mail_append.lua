-- Claims an inbound event's id and appends the event to its conversation's mailbox, atomically.
--
-- KEYS  1 the event's claim   2 the conversation's mailbox (list)   3 conversations with mail
--       waiting (sorted set)
-- ARGV  1 how long the claim is kept (ms)   2 the event (JSON)   3 the conversation key
-- Returns 1 when appended; 0 when the id was claimed before (a redelivery): nothing changes.
-- A mailbox that was empty enters the waiting set, scored by now (epoch ms, Redis's clock).

if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
if redis.call('RPUSH', KEYS[2], ARGV[2]) == 1 then
  local clock = redis.call('TIME')
  redis.call('ZADD', KEYS[3], tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000),
    ARGV[3])
end
return 1
