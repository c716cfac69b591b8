import { ApiProperty } from '@nestjs/swagger';

/** The one error shape every 4xx and 5xx answer uses, in both apps. */
export class ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty({ example: 'message must be between 1 and 2000 characters after trimming' })
  message: string;
}
