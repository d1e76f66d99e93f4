import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../http/problem.js';
import { LanguageList } from './languages.schemas.js';
import type { LanguageService } from './languages.service.js';

const languagesRoutes: FastifyPluginAsyncTypebox<{ languages: LanguageService }> = async (app, { languages }) => {
  app.get(
    '/languages',
    {
      config: { access: 'public', cache: true },
      schema: {
        tags: ['reference'],
        summary: 'List spoken languages',
        description:
          "Every language a movie may be spoken in, by English name: the ISO 639-1 codes, the withdrawn sh, and TMDB's own " +
          "cn (Cantonese) and xx (No Language). The codes GET /movies?language= and a movie's languageCodes take.",
        response: { 200: LanguageList, ...problemResponses },
      },
    },
    () => languages.listLanguages(),
  );
};

export default languagesRoutes;
