-- Reads what a turn needs, in one round trip and one consistent view (snapshot.lua).
--
-- KEYS  1 profile   2 session   3 journal   4 records (timers, counters)
-- ARGV  1 how many of the most recent journal entries to return

return snapshot(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[1])
