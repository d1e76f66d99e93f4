// Keywords (what a movie is about): looked up by name, added by editors.
import type { Database } from '../../db/database.js';
import { featureModule } from '../../http/feature-module.js';
import keywordsRoutes from './keywords.routes.js';
import { KeywordSchema } from './keywords.schemas.js';
import { createKeywordService } from './keywords.service.js';

export default featureModule<{ db: Database }>({
  name: 'keywords',
  schemas: [KeywordSchema],
  routes: (api, deps) => api.register(keywordsRoutes, { keywords: createKeywordService(deps) }),
});
