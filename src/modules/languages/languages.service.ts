import type { Database } from '../../db/database.js';
import { findLanguages } from './languages.queries.js';
import type { LanguageList } from './languages.schemas.js';

export function createLanguageService({ db }: { db: Database }) {
  return {
    async listLanguages(): Promise<LanguageList> {
      return { items: await findLanguages(db) };
    },
  };
}

export type LanguageService = ReturnType<typeof createLanguageService>;
