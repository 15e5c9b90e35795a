-- Marks a turn's committed outbound effects as being sent: only one caller ever gets "1".
--
-- KEYS  1 session
-- ARGV  1 the event id whose effects are about to be sent
-- Returns 1 when the session's last committed event is that one and its effects were still
-- unsent (they are removed now); 0 otherwise.

if redis.call('HGET', KEYS[1], 'e') == ARGV[1] and redis.call('HDEL', KEYS[1], 'o') == 1 then
  return 1
end
return 0
