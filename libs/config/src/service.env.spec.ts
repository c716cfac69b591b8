import { ServiceEnv } from './service.env.js';
import { InvalidConfigError, validateEnv } from './validate-env.js';

const validate = validateEnv(ServiceEnv);

describe('ServiceEnv', () => {
  it('trusts no proxy by default', () => {
    expect(validate({}).TRUST_PROXY).toBe('');
  });

  it('requires INTERNAL_API_TOKEN in production, and a long one wherever it is set', () => {
    expect(() => validate({ NODE_ENV: 'production' })).toThrow(InvalidConfigError);
    expect(() => validate({ NODE_ENV: 'production' })).toThrow(/INTERNAL_API_TOKEN/);
    expect(() => validate({ INTERNAL_API_TOKEN: 'short' })).toThrow(/at least 16/);
    expect(() => validate({ INTERNAL_API_TOKEN: 'has a space in it, sadly' })).toThrow(/printable/);
    const env = validate({ NODE_ENV: 'production', INTERNAL_API_TOKEN: 'a'.repeat(32) });
    expect(env.INTERNAL_API_TOKEN).toBe('a'.repeat(32));
    expect(validate({ NODE_ENV: 'development' }).INTERNAL_API_TOKEN).toBeUndefined();
  });

  it('bounds slow clients and connections by default', () => {
    expect(validate({})).toMatchObject({
      HTTP_HEADERS_TIMEOUT_MS: 10_000,
      HTTP_REQUEST_TIMEOUT_MS: 15_000,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 5_000,
      HTTP_MAX_CONNECTIONS: 2_000,
    });
  });
});
