export { LoggingModule } from './logging.module.js';
export { MetricsModule } from './metrics.module.js';
export { currentRequestId, requestIdHeader, requestIdMiddleware } from './request-context.js';
