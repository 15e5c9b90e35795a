-- Library, prepended to the scripts that hand out a turn's snapshot (see LuaScript.named).
--
-- snapshot(profile, session, journal, counters, recent) reads what a turn needs, in one
-- consistent view: { profile JSON, session version, session state, last committed event id,
-- unsent outbound effects, { the most recent `recent` journal entries }, { milestone counter
-- field, value, ... } }; each of the first five is false when not stored. `records` is the
-- member's records hash; its counter fields are the ones starting with ':'.

local function snapshot(profile, session, journal, records, recent)
  local s = redis.call('HMGET', session, 'v', 's', 'e', 'o')
  local counters = {}
  local fields = redis.call('HGETALL', records)
  for i = 1, #fields, 2 do
    if string.sub(fields[i], 1, 1) == ':' then
      counters[#counters + 1] = fields[i]
      counters[#counters + 1] = fields[i + 1]
    end
  end
  return {
    redis.call('GET', profile), s[1], s[2], s[3], s[4],
    redis.call('LRANGE', journal, -tonumber(recent), -1),
    counters
  }
end

