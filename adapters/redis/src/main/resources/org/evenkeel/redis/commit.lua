-- Commits one turn of one conversation, all or nothing.
--
-- KEYS  1 session   2 profile   3 journal   4 sessions index   5 records   6 processed events
--       7 the partition's due-queue   8 its claimed set (all eight in the member's partition)
-- ARGV  1 version the session was loaded with   2 new session state (JSON)   3 profile (JSON)
--       4 session TTL (ms)   5 processed-event TTL (ms)   6 "<platform>:<userId>"   7 chat id
--       8 event id   9 "1" when the profile's firstSeen is unset   10 the turn's outbound effects
--       (JSON array; empty string for none)   11 the profile the turn read: "" not checked, "0"
--       none, "1" followed by the stored JSON   12 number of journal entries n
--       13 .. 12+n journal entries (JSON), then operations in order: timers "S" <field> <value> |
--       "C" <field>, milestone counters "K" <field> <value> | "D" <field> (fields with ':' first)
-- Returns the new version; 0 when the session changed since it was loaded, or the member's profile
-- since the turn read it (another conversation's turn wrote it); -1 when this event was
-- already committed; -2 when a member without a stored profile sent no firstSeen. Nothing is
-- written unless the new version is returned.

local function due_of(value) return string.match(value, '^[^:]+') end

local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)

local seen = redis.call('ZSCORE', KEYS[6], ARGV[8])
if seen and tonumber(seen) > now then return -1 end
local version = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if version ~= tonumber(ARGV[1]) then return 0 end
if ARGV[11] ~= '' then
  local stored = redis.call('GET', KEYS[2])
  if ARGV[11] == '0' then
    if stored then return 0 end
  elseif stored ~= string.sub(ARGV[11], 2) then
    return 0
  end
end
if ARGV[9] == '1' and redis.call('EXISTS', KEYS[2]) == 0 then return -2 end

redis.call('HSET', KEYS[1], 'v', version + 1, 's', ARGV[2], 'e', ARGV[8])
if ARGV[10] == '' then
  redis.call('HDEL', KEYS[1], 'o')
else
  redis.call('HSET', KEYS[1], 'o', ARGV[10])
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('SADD', KEYS[4], ARGV[7])
redis.call('PEXPIRE', KEYS[4], ARGV[4])
redis.call('SET', KEYS[2], ARGV[3])

local journal = tonumber(ARGV[12])
for i = 13, 12 + journal do redis.call('RPUSH', KEYS[3], ARGV[i]) end

-- Drops a timer's entry from both due-queue sets, if the member has that timer.
local function unqueue(field)
  local old = redis.call('HGET', KEYS[5], field)
  if old then
    local entry = old .. ':' .. ARGV[6] .. ':' .. field
    redis.call('ZREM', KEYS[7], entry)
    redis.call('ZREM', KEYS[8], entry)
  end
end

local i = 13 + journal
while i <= #ARGV do
  local op, field, value = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  if op == 'S' then
    unqueue(field)
    redis.call('HSET', KEYS[5], field, value)
    redis.call('ZADD', KEYS[7], due_of(value), value .. ':' .. ARGV[6] .. ':' .. field)
    i = i + 3
  elseif op == 'C' then
    unqueue(field)
    redis.call('HDEL', KEYS[5], field)
    i = i + 2
  elseif op == 'K' then
    redis.call('HSET', KEYS[5], field, value)
    i = i + 3
  else -- 'D'
    redis.call('HDEL', KEYS[5], field)
    i = i + 2
  end
end

local ttl = tonumber(ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', now)
redis.call('ZADD', KEYS[6], now + ttl, ARGV[8])
redis.call('PEXPIRE', KEYS[6], ttl)
return version + 1
