-- Reads everything stored about one member, in one consistent view.
--
-- KEYS  1 profile   2 journal   3 sessions index   4 records (timers and milestone counters)
-- ARGV  1 session key prefix ("<prefix>:{p<k>}:m:<platform>:<userId>:sess:"); session keys are
--       built from it and the index, so they carry the partition's hash tag and live in the same
--       slot as KEYS.
-- Returns { profile or nil, { entries }, { chat, version, state, ... }, { field, value, ... } }.
-- A chat in the index whose session expired is skipped.

local sessions = {}
for _, chat in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  local session = redis.call('HMGET', ARGV[1] .. chat, 'v', 's')
  if session[1] then
    sessions[#sessions + 1] = chat
    sessions[#sessions + 1] = session[1]
    sessions[#sessions + 1] = session[2]
  end
end
return {
  redis.call('GET', KEYS[1]),
  redis.call('LRANGE', KEYS[2], 0, -1),
  sessions,
  redis.call('HGETALL', KEYS[4])
}
