export { RateLimitReadiness } from './rate-limit.health.js';
export {
  RATE_LIMIT_PER_PROCESS,
  RateLimitGuard,
  RateLimitModule,
  RateLimitState,
  type RateLimitOptions,
} from './rate-limit.module.js';
export { RedisThrottlerStorage } from './redis-throttler.storage.js';
