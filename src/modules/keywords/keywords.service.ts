import type { Database } from '../../db/database.js';
import type { CreateRecord } from '../../db/idempotency.js';
import { ConflictError, notFound } from '../../errors.js';
import { findKeyword, findKeywords, insertKeyword, lockKeywordName } from './keywords.queries.js';
import type { Keyword, KeywordListQuery } from './keywords.schemas.js';

export function createKeywordService({ db }: { db: Database }) {
  return {
    async listKeywords(query: KeywordListQuery): Promise<{ items: Keyword[] }> {
      return { items: await findKeywords(db, { q: query.q, limit: query.limit }) };
    },

    async getKeyword(keywordId: number): Promise<Keyword> {
      const found = await findKeyword(db, keywordId);
      if (!found) throw notFound('keyword', keywordId);
      return found;
    },

    /** TMDB keeps one keyword a name; so do we, without regard to case. */
    createKeyword: (name: string, created?: CreateRecord): Promise<Keyword> =>
      db.transaction(async (tx) => {
        const trimmed = name.trim();
        if ((await lockKeywordName(tx, trimmed)) !== undefined) {
          throw new ConflictError('A keyword with that name exists.', [{ in: 'body', field: 'name', message: 'is taken' }]);
        }
        const keyword = (await findKeyword(tx, await insertKeyword(tx, trimmed)))!;
        await created?.record(tx, keyword);
        return keyword;
      }),
  };
}

export type KeywordService = ReturnType<typeof createKeywordService>;
