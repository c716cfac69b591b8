import { registerDecorator, type ValidationArguments } from 'class-validator';
import { formatContentProblems } from './content.types.js';
import { checkStoreContent } from './store-content.js';

/**
 * For an app's config class: the variable names a content folder that passes checkStoreContent.
 * Config is validated at boot, so an app refuses to start on a broken folder, with every problem
 * as `file:line: message`.
 */
export function IsStoreContentDir(): PropertyDecorator {
  let problems = '';
  return (target, property) =>
    registerDecorator({
      name: 'isStoreContentDir',
      target: target.constructor,
      propertyName: String(property),
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string' || value.trim() === '') {
            problems = 'must name the store content folder';
            return false;
          }
          const found = checkStoreContent(value);
          problems = `the store content has ${found.length} problem(s):\n${formatContentProblems(value, found)}`;
          return found.length === 0;
        },
        defaultMessage: (_args?: ValidationArguments) => problems,
      },
    });
}
