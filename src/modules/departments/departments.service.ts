import type { Database } from '../../db/database.js';
import { findDepartments } from './departments.queries.js';
import type { DepartmentList } from './departments.schemas.js';

export function createDepartmentService({ db }: { db: Database }) {
  return {
    async listDepartments(): Promise<DepartmentList> {
      return { items: await findDepartments(db) };
    },
  };
}

export type DepartmentService = ReturnType<typeof createDepartmentService>;
