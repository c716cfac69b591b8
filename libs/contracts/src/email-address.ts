import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';

const MESSAGE = 'email must be an email address';

/**
 * A plain address: ASCII letters, digits and `. _ % + - '` before the @, a host name after it.
 * What RFC 5322 also allows (quoted local parts, comments, `=?utf-8?…?=` encoded words, non-ASCII)
 * goes as it is into the support team's Reply-To and can pass for another address there.
 */
export const PLAIN_EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;

/**
 * An email address as shoppers type it: trimmed, at most 254 characters, plain. Registered in the
 * order the validation pipe runs them (it stops at the first error): validator.js throws on lone
 * surrogates, so they and control characters are refused before IsEmail sees them.
 */
export function IsEmailAddress(): PropertyDecorator {
  return applyDecorators(
    IsString({ message: 'email must be a string' }),
    // eslint-disable-next-line no-control-regex -- control characters are what it refuses
    Matches(/^[^\s\u0000-\u001f\u007f\ud800-\udfff]+$/u, { message: MESSAGE }),
    MaxLength(254, { message: MESSAGE }),
    IsEmail({}, { message: MESSAGE }),
    Matches(PLAIN_EMAIL, {
      message:
        'email must be a plain address such as name@example.com (no quotes or encoded words)',
    }),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim() : value,
    ),
  );
}
