export { errorBody, isErrorBody, reasonPhrase } from './error-body.js';
export { HttpExceptionFilter } from './http-exception.filter.js';
export { configureHttpApp, type HttpAppOptions, type ServerLimits } from './http-app.js';
export { strictValidationPipe } from './validation.pipe.js';
export { formatEvent, startEventStream } from './event-stream.js';
export { SseDecoder, type SseEvent } from './sse-decoder.js';
export {
  INTERNAL_TOKEN_HEADER,
  SHOPPER_ADDRESS_HEADER,
  addressKey,
  clientAddress,
  clientKey,
  internalCallerHeaders,
  internalCallerMiddleware,
  isInternalCaller,
  isServiceCall,
} from './client-address.js';
export {
  Deadline,
  closeOutbound,
  createOutboundClient,
  describeFailure,
  drain,
  isSocketTimeout,
  outboundConfig,
  readText,
  send,
  type OutboundOptions,
  type OutboundResponse,
} from './outbound.js';
export { abortWhenClientLeaves, abortWhenClosed } from './client-gone.js';
