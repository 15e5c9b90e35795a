-- Takes a free lease, or renews the caller's own.
-- KEYS[1] the lease; ARGV[1] owner, ARGV[2] ttl in milliseconds. Returns 1 when held, else 0.
local holder = redis.call('GET', KEYS[1])
if holder == false or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
