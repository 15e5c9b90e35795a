-- Library, prepended to the scripts that hand out a turn's snapshot (see LuaScript.named).
--
-- snapshot(profile, session, journal, recent) reads what a turn needs, in one consistent view:
-- { profile JSON, session version, session state, last committed event id, unsent outbound
-- effects, { the most recent `recent` journal entries } }; each of the first five is false when
-- not stored.

local function snapshot(profile, session, journal, recent)
  local s = redis.call('HMGET', session, 'v', 's', 'e', 'o')
  return {
    redis.call('GET', profile), s[1], s[2], s[3], s[4],
    redis.call('LRANGE', journal, -tonumber(recent), -1)
  }
end

