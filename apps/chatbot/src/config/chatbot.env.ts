import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, Min } from 'class-validator';

/** The chatbot's environment, validated once at boot. Each variable is in the README's table. */
export class ChatbotEnv {
  /** Port of the chat API. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 5000;

  /** Interface to listen on. */
  @IsString()
  HOST: string = '0.0.0.0';

  @IsIn(['production', 'development', 'test'])
  NODE_ENV: string = 'development';
}
