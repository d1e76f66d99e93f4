// API keys: a user makes, lists and revokes the keys that clients of the TMDB-compatible surface send.
import type { Database } from '../../db/database.js';
import { featureModule } from '../../http/feature-module.js';
import apiKeysRoutes from './api-keys.routes.js';
import { ApiKeySchema } from './api-keys.schemas.js';
import { createApiKeyService } from './api-keys.service.js';

export default featureModule<{ db: Database }>({
  name: 'api-keys',
  schemas: [ApiKeySchema],
  routes: (api, deps) => api.register(apiKeysRoutes, { apiKeys: createApiKeyService(deps) }),
});
