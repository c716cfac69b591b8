import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** Strict DTO validation: unknown properties are rejected and every problem is named in one line. */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
