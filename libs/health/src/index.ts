export { HealthModule, type HealthModuleOptions } from './health.module.js';
export { ReadinessCheck } from './readiness-check.js';
export { ShutdownState } from './shutdown-state.js';
