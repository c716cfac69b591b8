import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUrl, Max, Min } from 'class-validator';

/** The gateway's environment, validated once at boot. Each variable is in the README's table. */
export class GatewayEnv {
  /** Port of the store page, widget and store API. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 8080;

  /** Interface to listen on. */
  @IsString()
  HOST: string = '0.0.0.0';

  /** Where the chatbot service answers (`http://chatbot-service:5000` in the cluster). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  CHAT_SERVICE_URL: string = 'http://localhost:5000';

  /** Longest wait for the chatbot's answer, in milliseconds; above the chatbot's own LLM_TIMEOUT. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(300_000)
  CHAT_SERVICE_TIMEOUT_MS: number = 35_000;

  /** Keep-alive connections the gateway may hold open to the chatbot. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1024)
  CHAT_SERVICE_CONNECTIONS: number = 64;

  @IsIn(['production', 'development', 'test'])
  NODE_ENV: string = 'development';
}
