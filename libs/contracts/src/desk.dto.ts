import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsEmailAddress } from './email-address.js';

export const DESK_REPLY_MAX_LENGTH = 5000;
export const DESK_ITEM_KINDS = ['unanswered', 'marked_down'] as const;
export type DeskItemKindName = (typeof DESK_ITEM_KINDS)[number];

// eslint-disable-next-line no-control-regex -- control characters (but tab and newlines) are refused
const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** An agent signs in to the desk. */
export class DeskSignIn {
  @ApiProperty({ example: 'ana@example.com' })
  @IsEmailAddress()
  email: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Length(1, 200, { message: 'password must be between 1 and 200 characters' })
  @IsString({ message: 'password must be a string' })
  password: string;
}

/** An agent's answer to the shopper, mailed from SUPPORT_EMAIL. */
export class DeskReply {
  @ApiProperty({ minLength: 1, maxLength: DESK_REPLY_MAX_LENGTH })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @Matches(NO_CONTROL, { message: 'body must not contain control characters' })
  @Length(1, DESK_REPLY_MAX_LENGTH, {
    message: `body must be between 1 and ${DESK_REPLY_MAX_LENGTH} characters`,
  })
  @IsString({ message: 'body must be a string' })
  body: string;
}

/** A group of alike questions dealt with (an article was written). */
export class DeskGroupDone {
  @ApiProperty({ enum: DESK_ITEM_KINDS })
  @IsIn(DESK_ITEM_KINDS, { message: `kind must be one of ${DESK_ITEM_KINDS.join(', ')}` })
  kind: DeskItemKindName;

  @ApiProperty({ description: 'The group_key of a group the desk listed.' })
  @MaxLength(400, { message: 'group_key must be at most 400 characters' })
  @IsString({ message: 'group_key must be a string' })
  group_key: string;
}
