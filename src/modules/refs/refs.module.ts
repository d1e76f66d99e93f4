// The short forms one record uses to name another; no routes of its own.
import { featureModule } from '../../http/feature-module.js';
import { PersonRefSchema } from './refs.schemas.js';

export default featureModule({ name: 'refs', needs: ['files'], schemas: [PersonRefSchema] });
