import type { AuthSettings } from '../../config.js';
import { featureModule } from '../../http/feature-module.js';
import usersRoutes from './users.routes.js';
import { AdminUserSchema, UserSchema } from './users.schemas.js';
import { createUserService, type UserServiceDeps } from './users.service.js';

export default featureModule<UserServiceDeps & { settings: AuthSettings }>({
  name: 'users',
  needs: ['files'],
  schemas: [UserSchema, AdminUserSchema],
  routes: (api, { settings, ...deps }) => api.register(usersRoutes, { users: createUserService(deps), settings }),
});

/** The accounts the auth module signs up and in. */
export { userAccounts } from './users.service.js';
