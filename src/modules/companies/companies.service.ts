import type { Database } from '../../db/database.js';
import type { CreateRecord } from '../../db/idempotency.js';
import { checkReferences } from '../../db/references.js';
import { notFound } from '../../errors.js';
import { findCompanies, findCompanyDetails, insertCompany } from './companies.queries.js';
import type { Company, CompanyDetails, CompanyListQuery, CreateCompanyBody } from './companies.schemas.js';

export function createCompanyService({ db }: { db: Database }) {
  async function details(companyId: number, tx: Database = db): Promise<CompanyDetails> {
    const found = await findCompanyDetails(tx, companyId);
    if (!found) throw notFound('company', companyId);
    return found;
  }

  return {
    async listCompanies(query: CompanyListQuery): Promise<{ items: Company[] }> {
      return { items: await findCompanies(db, { q: query.q, limit: query.limit }) };
    },

    getCompany: (companyId: number) => details(companyId),

    createCompany: (body: CreateCompanyBody, created?: CreateRecord): Promise<CompanyDetails> =>
      db.transaction(async (tx) => {
        await checkReferences(tx, [{ field: 'originCountryId', table: 'country', ids: [body.originCountryId] }]);
        const company = await details(
          await insertCompany(tx, { name: body.name.trim(), originCountryId: body.originCountryId ?? null }),
          tx,
        );
        await created?.record(tx, company);
        return company;
      }),
  };
}

export type CompanyService = ReturnType<typeof createCompanyService>;
