/** Every PostgreSQL migration of the project, in order (the files live in migrations/ at the root). */
export { migrations } from '../../../migrations/index.js';
