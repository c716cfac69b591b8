import { InvalidConfigError, validateEnv } from '@bookstore/config';
import { GatewayEnv } from './gateway.env.js';

const validate = validateEnv(GatewayEnv);

function errorOf(env: Record<string, string>): string {
  try {
    validate(env);
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidConfigError);
    return (err as Error).message;
  }
  throw new Error('expected the env to be refused');
}

describe('GatewayEnv: handoff to the support team', () => {
  it('needs nothing: requests are stored and the agents routes stay closed', () => {
    expect(validate({})).toMatchObject({
      // Unset: the content's support_email (gateway.env.content.spec.ts).
      SUPPORT_EMAIL: undefined,
      SMTP_URL: undefined,
      HANDOFF_WEBHOOK_URL: undefined,
      SUPPORT_API_TOKEN: undefined,
      SUPPORT_MAX_PER_SESSION: 3,
      SUPPORT_MAX_PER_CLIENT: 10,
      SUPPORT_LIMIT_WINDOW_SECONDS: 3600,
      SUPPORT_RETRY_INTERVAL_MS: 30000,
    });
  });

  it('accepts a full configuration', () => {
    expect(
      validate({
        SMTP_URL: 'smtps://user:pass@mail.example.com:465',
        SUPPORT_EMAIL: 'help@example.com',
        HANDOFF_WEBHOOK_URL: 'https://desk.example.com/hooks/chat',
        HANDOFF_WEBHOOK_SECRET: 'a-long-enough-secret',
        SUPPORT_API_TOKEN: 'a-long-enough-token',
      }),
    ).toMatchObject({ SMTP_URL: 'smtps://user:pass@mail.example.com:465' });
  });

  it('refuses a webhook without its secret, and weak or malformed values', () => {
    expect(errorOf({ HANDOFF_WEBHOOK_URL: 'https://desk.example.com/hook' })).toMatch(
      /HANDOFF_WEBHOOK_SECRET/,
    );
    expect(
      errorOf({
        HANDOFF_WEBHOOK_URL: 'https://desk.example.com/hook',
        HANDOFF_WEBHOOK_SECRET: 'short',
      }),
    ).toMatch(/HANDOFF_WEBHOOK_SECRET/);
    const weak = errorOf({ SUPPORT_API_TOKEN: 'weak-token-x' });
    expect(weak).toMatch(/SUPPORT_API_TOKEN/);
    expect(weak).not.toContain('weak-token-x');
    expect(errorOf({ SMTP_URL: 'http://mail.example.com' })).toMatch(/SMTP_URL/);
    expect(errorOf({ SUPPORT_EMAIL: 'nobody' })).toMatch(/SUPPORT_EMAIL/);
    expect(errorOf({ SUPPORT_MAX_PER_SESSION: '0' })).toMatch(/SUPPORT_MAX_PER_SESSION/);
  });
});
