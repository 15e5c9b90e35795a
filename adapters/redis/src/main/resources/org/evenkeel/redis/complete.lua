-- Removes a claimed timer once its turn is done, unless it was set again meanwhile.
--
-- KEYS  1 the member's records   2 its partition's due-queue   3 its claimed set
-- ARGV  1 timers field   2 the value it had when claimed   3 its due-queue entry
-- A timer set again has a new value (and entry), so only the handed-out one is removed.

if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  redis.call('HDEL', KEYS[1], ARGV[1])
end
redis.call('ZREM', KEYS[2], ARGV[3])
redis.call('ZREM', KEYS[3], ARGV[3])
return 1
