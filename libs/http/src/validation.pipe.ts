import {
  type ArgumentMetadata,
  BadRequestException,
  HttpException,
  Logger,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';

/**
 * A validator that throws on odd input (validator.js's encodeURI on a lone surrogate) is a bad
 * request, not a server error.
 */
class SafeValidationPipe extends ValidationPipe {
  private readonly log = new Logger('Validation');

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return (await super.transform(value, metadata)) as unknown;
    } catch (err) {
      if (err instanceof HttpException) throw err;
      this.log.warn(`validation threw: ${(err as Error).message}`);
      throw new BadRequestException(`The request ${metadata.type} could not be read.`);
    }
  }
}

/** Strict DTO validation: unknown properties are rejected and every problem is named in one line. */
export function strictValidationPipe(): ValidationPipe {
  return new SafeValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new BadRequestException(flatten(errors).join('; ')),
  });
}

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) =>
      m.startsWith('property ') ? `${path} is not an accepted field` : m,
    );
    return [...own, ...flatten(e.children ?? [], path)];
  });
}
