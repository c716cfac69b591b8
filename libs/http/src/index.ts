export { errorBody, isErrorBody, reasonPhrase } from './error-body.js';
export { HttpExceptionFilter } from './http-exception.filter.js';
export { configureHttpApp, type HttpAppOptions } from './http-app.js';
export { strictValidationPipe } from './validation.pipe.js';
export { formatEvent, startEventStream } from './event-stream.js';
