export { InvalidConfigError, validateEnv } from './validate-env.js';
