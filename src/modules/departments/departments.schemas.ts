import Type, { type Static } from 'typebox';
import { DepartmentRefSchema } from '../refs/refs.schemas.js';

export type Department = Static<typeof DepartmentRefSchema>;

export const DepartmentList = Type.Object({ items: Type.Array(DepartmentRefSchema) }, { title: 'DepartmentList' });
export type DepartmentList = Static<typeof DepartmentList>;
