import { EnvBoolean, EnvInt, EnvUrl } from './env-decorators.js';
import { InvalidConfigError, validateEnv } from './validate-env.js';

class SampleEnv {
  @EnvInt(1, 10)
  COUNT: number = 5;

  @EnvBoolean()
  SEED: boolean = true;

  @EnvUrl(['redis', 'rediss'])
  REDIS_URL: string = 'redis://localhost:6379';
}

const validate = validateEnv(SampleEnv);

describe('env decorators', () => {
  it('read whole numbers within their bounds from text', () => {
    expect(validate({ COUNT: '7' }).COUNT).toBe(7);
    expect(() => validate({ COUNT: '11' })).toThrow(InvalidConfigError);
    expect(() => validate({ COUNT: '2.5' })).toThrow(InvalidConfigError);
  });

  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('read the boolean %s one way', (text, value) => {
    expect(validate({ SEED: text }).SEED).toBe(value);
  });

  // Before, the gateway read any other word as false; the chatbot read "0" and "yes" as true.
  it.each(['yes', 'no', 'off'])('refuse %j as a boolean rather than read it as false', (text) => {
    expect(() => validate({ SEED: text })).toThrow(/SEED/);
  });

  it('take URLs of the named protocols with a bare host name', () => {
    expect(validate({ REDIS_URL: 'redis://redis:6379' }).REDIS_URL).toBe('redis://redis:6379');
    expect(() => validate({ REDIS_URL: 'http://redis:6379' })).toThrow(/REDIS_URL/);
  });
});
