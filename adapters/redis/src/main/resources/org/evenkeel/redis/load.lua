-- Reads what a turn needs, in one round trip and one consistent view.
--
-- KEYS  1 profile   2 session   3 journal
-- ARGV  1 how many of the most recent journal entries to return
-- Returns { profile JSON, session version, session state, last committed event id, unsent
-- outbound effects, { journal entries } }; each of the first five is nil when not stored.

local session = redis.call('HMGET', KEYS[2], 'v', 's', 'e', 'o')
return {
  redis.call('GET', KEYS[1]),
  session[1],
  session[2],
  session[3],
  session[4],
  redis.call('LRANGE', KEYS[3], -tonumber(ARGV[1]), -1)
}
