-- Renews a lease if the caller holds it.
-- KEYS[1] the lease; ARGV[1] owner, ARGV[2] ttl in milliseconds. Returns 1 when renewed, else 0.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
