-- Takes tokens from one or more token buckets: from every one of them, or from none.
--
-- KEYS  the buckets (hashes), all with the same hash tag
-- ARGV  1 tokens to take from each bucket   2 how long (ms) a bucket's key outlives its refill
--       then two per bucket, in the order of KEYS: microseconds per token (the interval),
--       capacity
-- A bucket's field f is when it will be full again (microseconds since the epoch, Redis's clock);
-- a bucket without a key is full. Taking n tokens moves f n intervals later, counting from now if
-- the bucket is full; the take fits while f stays within capacity intervals of now.
-- Returns 0 when every bucket had the tokens: all are taken, and each key lives until its bucket
-- is full again plus ARGV[2]. Otherwise returns the microseconds until every bucket will have them
-- and takes nothing (the one thing it may write then is the correction after a clock step below).
--
-- Times are integers below 2^53 (now is about 1.8e15 us), which a Lua number holds exactly; they
-- are formatted with %.0f, never with Lua's own tostring, which keeps only 14 significant digits.

local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local tokens = tonumber(ARGV[1])
local margin = tonumber(ARGV[2])

local function keep(key, full)
  redis.call('HSET', key, 'f', string.format('%.0f', full))
  redis.call('PEXPIRE', key, string.format('%.0f', math.ceil((full - now) / 1000) + margin))
end

local after = {}
local wait = 0
for i, key in ipairs(KEYS) do
  local interval = tonumber(ARGV[1 + 2 * i])
  local window = tonumber(ARGV[2 + 2 * i]) * interval
  local full = math.max(tonumber(redis.call('HGET', key, 'f') or now), now)
  if full > now + window then
    -- Emptier than empty: Redis's clock went back (a failover to a host whose clock is behind).
    -- Counting from an empty bucket now costs one fill time at most, not the time it went back.
    full = now + window
    keep(key, full)
  end
  after[i] = full + tokens * interval
  wait = math.max(wait, after[i] - now - window)
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do keep(key, after[i]) end
return 0
