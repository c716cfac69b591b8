import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

export class InvalidConfigError extends Error {
  override readonly name = 'InvalidConfigError';
}

/**
 * Builds the `validate` hook for `ConfigModule.forRoot`: the environment becomes one typed, validated
 * object at boot, and a bad or missing value stops the app with one message naming every variable.
 */
export function validateEnv<T extends object>(
  schema: ClassConstructor<T>,
): (raw: Record<string, unknown>) => T {
  return (raw) => {
    // Empty strings mean "unset", as they do in Kubernetes ConfigMaps and .env files.
    const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
    const config = plainToInstance(schema, cleaned, {
      enableImplicitConversion: true,
      exposeDefaultValues: true,
    });
    const errors = validateSync(config, { skipMissingProperties: false, whitelist: false });
    if (errors.length > 0) {
      throw new InvalidConfigError(
        `Invalid configuration:\n${describe(errors, cleaned).join('\n')}`,
      );
    }
    return config;
  };
}

function describe(errors: ValidationError[], raw: Record<string, unknown>): string[] {
  return errors.map((e) => {
    const problems = Object.values(e.constraints ?? {}).join('; ');
    return `  - ${e.property}=${shown(e.property, raw[e.property])}: ${problems}`;
  });
}

const SENSITIVE = /(TOKEN|KEY|SECRET|PASSWORD)/i;

// Values are echoed to help the operator, except secrets and credentials inside URLs.
function shown(name: string, value: unknown): string {
  if (value === undefined || value === null) return '(unset)';
  if (SENSITIVE.test(name)) return '(redacted)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(text.replace(/\/\/[^/@\s]*@/, '//***@'));
}
