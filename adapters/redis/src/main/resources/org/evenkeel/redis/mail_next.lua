-- Finishes a conversation's head once its turn is done and goes on: the next event with the
-- member's fresh snapshot (snapshot.lua), or, when no mail is left, the lease let go.
--
-- KEYS  1 the conversation's lease   2 its mailbox   3 the partition's conversations with mail
--       waiting   4 profile   5 session   6 journal   7 records (timers, counters); all in the
--       member's partition
-- ARGV  1 the holder's token   2 the handled event's id   3 the lease's time to live (ms)
--       4 the conversation key   5 recent journal entries to read
-- Returns {0}, changing nothing, when the token no longer holds the lease (it expired, and
-- perhaps another instance took it). Otherwise the head is removed only when it is that event (a
-- repeated call removes nothing); then {1} when the mailbox is empty: the lease is deleted and the
-- conversation leaves the waiting set; or {2, next event, snapshot}: the lease's TTL restarts and
-- the conversation is rescored by now in the waiting set, so conversations that make progress go
-- to the back and the ones stuck longest stay in front for the orphan search. Append and this
-- script are atomic against each other: an event appended meanwhile is either returned here or
-- finds the lease free.

if redis.call('GET', KEYS[1]) ~= ARGV[1] then return {0} end
local head = redis.call('LINDEX', KEYS[2], 0)
if head and cjson.decode(head)['i'] == ARGV[2] then redis.call('LPOP', KEYS[2]) end
if redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('ZREM', KEYS[3], ARGV[4])
  redis.call('DEL', KEYS[1])
  return {1}
end
local clock = redis.call('TIME')
redis.call('ZADD', KEYS[3], 'XX',
  tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000), ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {2, redis.call('LINDEX', KEYS[2], 0), snapshot(KEYS[4], KEYS[5], KEYS[6], KEYS[7], ARGV[5])}
