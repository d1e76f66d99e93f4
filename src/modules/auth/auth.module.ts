import type { AuthSettings } from '../../config.js';
import { featureModule } from '../../http/feature-module.js';
import authRoutes from './auth.routes.js';
import { AuthResultSchema } from './auth.schemas.js';
import { type AuthServiceDeps, createAuthService } from './auth.service.js';

export default featureModule<AuthServiceDeps & { settings: AuthSettings }>({
  name: 'auth',
  needs: ['users'],
  schemas: [AuthResultSchema],
  routes: (api, { settings, ...deps }) => api.register(authRoutes, { auth: createAuthService(deps), settings }),
});
