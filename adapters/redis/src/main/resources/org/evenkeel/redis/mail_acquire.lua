-- Takes the lease of a conversation with mail waiting, if nobody holds it, and hands out the
-- oldest event with the member's snapshot (snapshot.lua). For rescuing orphaned conversations.
--
-- KEYS  1 the conversation's lease   2 its mailbox   3 profile   4 session   5 journal
--       6 records (timers, counters)
-- ARGV  1 a new lease token   2 the lease's time to live (ms)   3 recent journal entries to read
-- Returns {1} when no mail waits or the lease is held (nothing changes); {2, oldest event,
-- snapshot} when the lease was taken with the token.

if redis.call('EXISTS', KEYS[2]) == 0 then return {1} end
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {1} end
return {2, redis.call('LINDEX', KEYS[2], 0), snapshot(KEYS[3], KEYS[4], KEYS[5], KEYS[6], ARGV[3])}
