import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsUrl, Max, Min, type ValidationOptions } from 'class-validator';

/** A whole number from `min` to `max`, read from its text. */
export function EnvInt(min: number, max: number): PropertyDecorator {
  return applyDecorators(
    Type(() => Number),
    IsInt(),
    Min(min),
    Max(max),
  );
}

/**
 * The one way a boolean is read from the environment: `true`/`1` and `false`/`0`. Anything else
 * stays as it was written, so validation names it rather than reading it as false.
 */
export function parseEnvBoolean(value: unknown): unknown {
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0') return false;
  return value;
}

export function EnvBoolean(): PropertyDecorator {
  return applyDecorators(
    // The raw text, not `value`: implicit conversion has already made any non-empty text `true`.
    Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) =>
      parseEnvBoolean(obj[key]),
    ),
    IsBoolean(),
  );
}

/** A URL of one of `protocols`, with a host that may be a bare name (`redis`, `chatbot-service`). */
export function EnvUrl(protocols: string[], options?: ValidationOptions): PropertyDecorator {
  return IsUrl({ require_tld: false, protocols, require_protocol: true }, options);
}
