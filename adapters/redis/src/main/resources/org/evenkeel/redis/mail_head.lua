-- The oldest event of a conversation's mailbox, for the holder of its lease only.
--
-- KEYS  1 the conversation's lease   2 its mailbox
-- ARGV  1 the holder's token
-- Returns the event (JSON); nil when the mailbox is empty or the token no longer holds the lease.

if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
return redis.call('LINDEX', KEYS[2], 0)
