-- Remembers which platform message an engine ref names in one conversation (RedisMessageRefs).
--
-- KEYS  1 the member's refs hash
-- ARGV  1 field "<chatId>#<ref>"   2 the platform message id   3 milliseconds to keep the hash
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return redis.call('PEXPIRE', KEYS[1], ARGV[3])
