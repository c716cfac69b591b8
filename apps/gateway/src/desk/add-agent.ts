import { isEmail } from 'class-validator';
import { validateEnv } from '@bookstore/config';
import { loadStoreContent } from '@bookstore/content';
import { DeskRepository, openDatabase } from '@bookstore/database';
import { GatewayEnv } from '../config/gateway.env.js';
import { hashPassword } from './desk-auth.service.js';

export const MIN_PASSWORD_LENGTH = 12;

/** A mistake of the caller's: told as it is, with no stack. */
export class AddAgentError extends Error {}

/**
 * `npm run -s desk:add-agent -- <email> <name>`: adds an agent to the store's database, the one
 * the gateway uses with the same environment (DATABASE_URL, or PGLITE_DATA_DIR), or resets the
 * password of one already there (which ends their sessions). Returns what to tell the operator.
 */
export async function addAgent(
  env: Record<string, string | undefined>,
  args: string[],
  password: string,
): Promise<string> {
  const [email, ...nameParts] = args;
  const name = nameParts.join(' ').trim();
  if (!email || !isEmail(email) || !name || name.length > 100) {
    throw new AddAgentError(
      'usage: npm run -s desk:add-agent -- <email> <name>   (the password on standard input)',
    );
  }
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 200) {
    throw new AddAgentError(`the password must be ${MIN_PASSWORD_LENGTH} to 200 characters long`);
  }
  const config = validateEnv(GatewayEnv)(env);
  if (!config.DATABASE_URL && !config.PGLITE_DATA_DIR) {
    throw new AddAgentError(
      'the embedded store is in memory (neither DATABASE_URL nor PGLITE_DATA_DIR is set), so an ' +
        'agent added here would be lost: set PGLITE_DATA_DIR (for example .data/store) here and ' +
        'for the gateway, or DATABASE_URL',
    );
  }
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDataDir: config.PGLITE_DATA_DIR,
    poolSize: 1,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    content: loadStoreContent(config.STORE_CONTENT_DIR),
    seed: config.SEED_DEMO_DATA && config.NODE_ENV !== 'production',
  });
  try {
    const outcome = await new DeskRepository(db).saveAgent(
      email.trim(),
      name,
      await hashPassword(password),
    );
    return outcome === 'added'
      ? `Agent ${email.toLowerCase()} (${name}) added: they can sign in at /desk.`
      : `Agent ${email.toLowerCase()}: name and password reset, their sessions ended.`;
  } finally {
    await db.close();
  }
}
