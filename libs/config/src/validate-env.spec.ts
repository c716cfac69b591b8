import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
import { InvalidConfigError, validateEnv } from './validate-env.js';

class SampleEnv {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 5000;

  @IsIn(['a', 'b'])
  MODE: string = 'a';

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  SERVICE_URL?: string;

  @IsOptional()
  @IsString()
  @IsIn(['never-this'])
  API_TOKEN?: string;
}

const validate = validateEnv(SampleEnv);

describe('validateEnv', () => {
  it('applies defaults and converts numbers', () => {
    const env = validate({});
    expect(env).toBeInstanceOf(SampleEnv);
    expect(env.PORT).toBe(5000);
    expect(validate({ PORT: '8081' }).PORT).toBe(8081);
  });

  it('treats empty strings as unset', () => {
    expect(validate({ PORT: '', MODE: '' })).toMatchObject({ PORT: 5000, MODE: 'a' });
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      validate({ PORT: 'eighty', MODE: 'c', SERVICE_URL: 'not a url' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT="eighty"/);
    expect(message).toMatch(/MODE="c".*must be one of the following values: a, b/);
    expect(message).toMatch(/SERVICE_URL="not a url"/);
  });

  it('never echoes secrets or credentials in URLs', () => {
    let message = '';
    try {
      validate({ API_TOKEN: 's3cret-value', SERVICE_URL: 'redis://user:pa55@ bad' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('API_TOKEN=(redacted)');
    expect(message).not.toContain('s3cret-value');
    expect(message).not.toContain('pa55');
  });
});
