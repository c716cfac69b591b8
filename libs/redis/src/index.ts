export { createRedisClient, type RedisClientOptions } from './redis.client.js';
export { REDIS_CLIENT, RedisModule, type RedisModuleOptions } from './redis.module.js';
