import type { Database } from '../../db/database.js';
import { department } from '../../db/schema.js';
import type { Department } from './departments.schemas.js';

/** Every crew department, by id: TMDB's order, Directing first. */
export async function findDepartments(db: Database): Promise<Department[]> {
  return db.select({ id: department.departmentId, name: department.name }).from(department).orderBy(department.departmentId);
}
