export { RateLimitGuard, RateLimitModule, type RateLimitOptions } from './rate-limit.module.js';
export { RedisThrottlerStorage } from './redis-throttler.storage.js';
