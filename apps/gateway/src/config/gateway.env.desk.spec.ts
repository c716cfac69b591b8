import { InvalidConfigError, validateEnv } from '@bookstore/config';
import { GatewayEnv } from './gateway.env.js';

const validate = validateEnv(GatewayEnv);

describe('GatewayEnv: the support team desk', () => {
  it('has defaults: 30 days kept, 8-hour sessions, sign-in limits', () => {
    expect(validate({})).toMatchObject({
      DESK_RETENTION_DAYS: 30,
      DESK_SESSION_HOURS: 8,
      DESK_SIGN_IN_MAX_PER_ACCOUNT: 5,
      DESK_SIGN_IN_MAX_PER_CLIENT: 20,
      DESK_SIGN_IN_WINDOW_SECONDS: 900,
    });
  });

  it('refuses values out of range, naming each', () => {
    let message = '';
    try {
      validate({
        DESK_RETENTION_DAYS: '0',
        DESK_SESSION_HOURS: 'soon',
        DESK_SIGN_IN_WINDOW_SECONDS: '99999',
      });
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain('DESK_RETENTION_DAYS');
    expect(message).toContain('DESK_SESSION_HOURS');
    expect(message).toContain('DESK_SIGN_IN_WINDOW_SECONDS');
  });
});
