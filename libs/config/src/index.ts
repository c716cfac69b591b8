export {
  LOG_FORMATS,
  LOG_LEVELS,
  ServiceEnv,
  httpEdgeSettings,
  type LogFormat,
  type LogLevel,
} from './service.env.js';
export { InvalidConfigError, validateEnv } from './validate-env.js';
export { EnvBoolean, EnvInt, EnvUrl, parseEnvBoolean } from './env-decorators.js';
