import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { ServiceUnavailableError } from '../../errors.js';
import { problemResponses } from '../../http/problem.js';
import type { HealthService } from './health.service.js';

const healthRoutes: FastifyPluginAsyncTypebox<{ health: HealthService; databaseKind: string }> = async (app, options) => {
  const { health } = options;

  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process is up',
        response: { 200: Type.Object({ status: Type.Literal('ok'), uptimeSeconds: Type.Integer() }) },
      },
    },
    () => ({ status: 'ok' as const, uptimeSeconds: health.uptimeSeconds() }),
  );

  app.get(
    '/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'Readiness: the database answers',
        response: {
          200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }),
          ...problemResponses,
        },
      },
    },
    async () => {
      if (!(await health.databaseAnswers())) throw new ServiceUnavailableError('The database does not answer.');
      return { status: 'ready' as const, database: options.databaseKind };
    },
  );
};

export default healthRoutes;
