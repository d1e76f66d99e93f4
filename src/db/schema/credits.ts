// Who is in a movie: the characters and the actors who play them, and the crew's credits.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, id } from './columns.js';
import { department } from './lookups.js';
import { movie } from './movies.js';
import { person } from './people.js';

export const CHARACTER_ROLES = ['leading', 'supporting', 'background'] as const;

export const character = pgTable(
  'character',
  {
    characterId: id('character_id'),
    // Null where the source credits a performer without a character name.
    name: text('name'),
    description: text('description'),
    role: text('role', { enum: CHARACTER_ROLES }).notNull(),
    movieId: integer('movie_id')
      .notNull()
      .references(() => movie.movieId, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => person.personId, { onDelete: 'restrict' }),
    billingOrder: integer('billing_order'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('character_movie_id_billing_order_idx').on(t.movieId, t.billingOrder),
    index('character_actor_id_idx').on(t.actorId),
    check('character_role_check', sql`${t.role} IN ('leading', 'supporting', 'background')`),
    check('character_billing_order_nonnegative', sql`${t.billingOrder} >= 0`),
  ],
);

export const actorRoles = pgTable(
  'actor_roles',
  {
    actorId: integer('actor_id')
      .notNull()
      .references(() => person.personId, { onDelete: 'restrict' }),
    characterId: integer('character_id')
      .notNull()
      .references(() => character.characterId, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.characterId] }), index('actor_roles_character_id_idx').on(t.characterId)],
);

/** Who did what on a movie besides playing in it: one row a person, department and job. */
export const crewCredit = pgTable(
  'crew_credit',
  {
    creditId: id('credit_id'),
    movieId: integer('movie_id')
      .notNull()
      .references(() => movie.movieId, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => person.personId, { onDelete: 'restrict' }),
    departmentId: integer('department_id')
      .notNull()
      .references(() => department.departmentId, { onDelete: 'restrict' }),
    job: text('job').notNull(),
  },
  (t) => [
    // A movie's crew, in one index range; the same credit twice is one row.
    uniqueIndex('crew_credit_movie_person_department_job_key').on(t.movieId, t.personId, t.departmentId, t.job),
    index('crew_credit_person_id_idx').on(t.personId, t.movieId),
    index('crew_credit_department_id_idx').on(t.departmentId),
    check('crew_credit_job_not_blank', sql`length(btrim(${t.job})) > 0 and length(${t.job}) <= 200`),
  ],
);
