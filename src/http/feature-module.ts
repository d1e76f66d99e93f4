// The shape of a feature module's one plugin. app.ts registers each module with its dependencies;
// the module adds its shared schemas where every route sees them (the root, which the OpenAPI
// document reads), builds its service and registers its routes under the API prefix.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { TSchema } from 'typebox';

export interface ModuleOptions {
  /** Where the module's routes go: '/api/v1' for the API, '' for operations routes. */
  prefix: string;
}

interface ModuleSpec<Deps> {
  name: string;
  /** Modules whose shared schemas this one's refer to; the app refuses to start without them first. */
  needs?: string[];
  /** Named schemas ($id) that other modules' schemas and routes refer to. */
  schemas?: TSchema[];
  /** Builds the service and registers the routes, on an instance under the prefix. */
  routes?: (api: FastifyInstance, deps: Deps) => PromiseLike<unknown>;
}

export function featureModule<Deps extends object = object>({ name, needs = [], schemas = [], routes }: ModuleSpec<Deps>) {
  return fp<Deps & ModuleOptions>(
    async (app, { prefix, ...deps }) => {
      for (const schema of schemas) app.addSchema(schema);
      if (routes) await app.register(async (api) => void (await routes(api, deps as unknown as Deps)), { prefix });
    },
    { name, dependencies: needs, fastify: '5.x' },
  );
}
