-- Claims an inbound event's id and appends the event to its conversation's mailbox, atomically;
-- then, if nobody holds the conversation's lease, takes it and hands out the oldest event with the
-- member's snapshot (snapshot.lua), so a message to an idle conversation costs one round trip
-- before its turn.
--
-- KEYS  1 the event's claim   2 the conversation's mailbox (list)   3 the partition's
--       conversations with mail waiting (sorted set)   4 the conversation's lease   5 profile
--       6 session   7 journal   8 records (timers, counters); all in the member's partition
-- ARGV  1 how long the claim is kept (ms)   2 the event (JSON)   3 the conversation key
--       4 a new lease token   5 the lease's time to live (ms)   6 recent journal entries to read
-- Returns {0} when the id was claimed before (a redelivery): nothing changes. {1} when appended
-- and the lease is held: its holder will handle the event. {2, oldest event, snapshot} when
-- appended and the lease was taken with the token.
-- A mailbox that was empty enters the waiting set, scored by now (epoch ms, Redis's clock).

if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return {0} end
if redis.call('RPUSH', KEYS[2], ARGV[2]) == 1 then
  local clock = redis.call('TIME')
  redis.call('ZADD', KEYS[3], tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000),
    ARGV[3])
end
if not redis.call('SET', KEYS[4], ARGV[4], 'NX', 'PX', ARGV[5]) then return {1} end
return {2, redis.call('LINDEX', KEYS[2], 0), snapshot(KEYS[5], KEYS[6], KEYS[7], KEYS[8], ARGV[6])}
