import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';

const MESSAGE = 'email must be an email address';

/**
 * An email address as shoppers type it: trimmed, at most 254 characters. Registered in the order
 * the validation pipe runs them (it stops at the first error): validator.js throws on lone
 * surrogates, so they and control characters are refused before IsEmail sees them.
 */
export function IsEmailAddress(): PropertyDecorator {
  return applyDecorators(
    IsString({ message: 'email must be a string' }),
    // eslint-disable-next-line no-control-regex -- control characters are what it refuses
    Matches(/^[^\s\u0000-\u001f\u007f\ud800-\udfff]+$/u, { message: MESSAGE }),
    MaxLength(254, { message: MESSAGE }),
    IsEmail({}, { message: MESSAGE }),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim() : value,
    ),
  );
}
