import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../http/problem.js';
import { DepartmentList } from './departments.schemas.js';
import type { DepartmentService } from './departments.service.js';

const departmentsRoutes: FastifyPluginAsyncTypebox<{ departments: DepartmentService }> = async (app, { departments }) => {
  app.get(
    '/departments',
    {
      config: { access: 'public', cache: true },
      schema: {
        tags: ['reference'],
        summary: 'List crew departments',
        description: "TMDB's twelve crew departments, by id (Directing first): the departmentId a crew credit takes.",
        response: { 200: DepartmentList, ...problemResponses },
      },
    },
    () => departments.listDepartments(),
  );
};

export default departmentsRoutes;
