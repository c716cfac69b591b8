import { Injectable } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

// Nest's wiring report (a line per module, controller and route) helps when debugging the
// modules; at every start it buries the lines that matter, so it is logged at debug.
const WIRING = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** The apps' Nest logger: nestjs-pino's, with Nest's wiring report moved to debug. */
@Injectable()
export class AppLogger extends Logger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && WIRING.has(context)) this.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}
