export { AppLogger } from './app-logger.js';
export { LoggingModule } from './logging.module.js';
export { MetricsModule } from './metrics.module.js';
export {
  currentClientAddress,
  currentRequestId,
  requestIdHeader,
  requestIdMiddleware,
  setCurrentClientAddress,
} from './request-context.js';
