import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigService } from '@nestjs/config';
import { InvalidConfigError, validateEnv } from '@bookstore/config';
import { DEFAULT_CONTENT_DIR, loadStoreContent } from '@bookstore/content';
import { GatewayEnv } from './gateway.env.js';
import { gatewayOptions } from './gateway.options.js';

const validate = validateEnv(GatewayEnv);
const options = (env: Record<string, string>) =>
  gatewayOptions(new ConfigService(validate({ NODE_ENV: 'test', ...env })));

describe('GatewayEnv: the store content', () => {
  let broken: string;
  beforeAll(() => {
    broken = mkdtempSync(join(tmpdir(), 'gateway-content-'));
    cpSync(DEFAULT_CONTENT_DIR, broken, { recursive: true });
    writeFileSync(join(broken, 'store.yaml'), 'name: Shop\ncurrency: dollars\n');
  });
  afterAll(() => rmSync(broken, { recursive: true, force: true }));

  it('reads the repository demo store by default', () => {
    const o = options({});
    expect(o.content.dir).toBe(DEFAULT_CONTENT_DIR);
    expect(o.database.content).toBe(o.content);
    expect(o.database.seed).toBe(true);
  });

  it('refuses a folder that fails the check, naming each problem with its file and line', () => {
    expect(() => validate({ STORE_CONTENT_DIR: broken })).toThrow(InvalidConfigError);
    expect(() => validate({ STORE_CONTENT_DIR: broken })).toThrow(
      `${broken}/store.yaml:2: currency is not an ISO 4217 code (e.g. USD, EUR): dollars`,
    );
    expect(() => validate({ STORE_CONTENT_DIR: broken })).toThrow(
      `${broken}/store.yaml:1: missing key: support_email`,
    );
    expect(() => validate({ STORE_CONTENT_DIR: join(broken, 'nope') })).toThrow('no such folder');
  });

  it('sends support requests to the content support address unless SUPPORT_EMAIL says otherwise', () => {
    const own = loadStoreContent(DEFAULT_CONTENT_DIR).profile.supportEmail;
    expect(options({}).support.email).toBe(own);
    expect(options({ SUPPORT_EMAIL: 'team@example.com' }).support.email).toBe('team@example.com');
  });

  it('never loads demo orders in production', () => {
    const env = { NODE_ENV: 'production', INTERNAL_API_TOKEN: 'a'.repeat(32) };
    expect(gatewayOptions(new ConfigService(validate(env))).database.seed).toBe(false);
  });
});
