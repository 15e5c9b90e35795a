-- Gives up a conversation's lease, unless mail is waiting.
--
-- KEYS  1 the conversation's lease   2 its mailbox
-- ARGV  1 the holder's token
-- Returns 0, keeping the lease, when the token holds it and mail is waiting: the holder goes on.
-- Returns 1 when the lease was deleted, and also when the token no longer holds it: the caller has
-- nothing left to do (waiting mail is then its new holder's, or an orphan for the rescue).

if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 1 end
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('DEL', KEYS[1])
return 1
