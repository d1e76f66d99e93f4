import type { Database } from '../../db/database.js';
import { language } from '../../db/schema.js';
import { nameOrder } from '../../db/search-text.js';
import type { Language } from './languages.schemas.js';

/** Every language, by English name. */
export async function findLanguages(db: Database): Promise<Language[]> {
  return db.select({ code: language.code, name: language.name }).from(language).orderBy(nameOrder(language.name), language.code);
}
