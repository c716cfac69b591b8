import { resolve } from 'node:path';

/**
 * The repository's own content folder, the demo store: three levels up from this file, which is
 * the repository from libs/content/src and dist/ from the build (npm run build copies content/
 * there, scripts/copy-assets.mjs), so sources, tests and the built apps all find it.
 */
export const DEFAULT_CONTENT_DIR = resolve(import.meta.dirname, '../../../content');
