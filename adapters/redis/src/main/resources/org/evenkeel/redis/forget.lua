-- Deletes every key of one member and their entries in the due-queue.
--
-- KEYS  1 profile   2 journal   3 sessions index   4 records   5 processed events
--       6 the partition's due-queue   7 its claimed set   8 message refs
--       (all in the member's partition)
-- ARGV  1 session key prefix (see export.lua)   2 "<platform>:<userId>"

for _, chat in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  redis.call('DEL', ARGV[1] .. chat)
end
local records = redis.call('HGETALL', KEYS[4])
for i = 1, #records, 2 do
  if string.sub(records[i], 1, 1) ~= ':' then -- a timer, not a milestone counter
    local entry = records[i + 1] .. ':' .. ARGV[2] .. ':' .. records[i]
    redis.call('ZREM', KEYS[6], entry)
    redis.call('ZREM', KEYS[7], entry)
  end
end
return redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[8])
