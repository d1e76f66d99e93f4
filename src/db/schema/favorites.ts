// The movies each user keeps among their favorites (movie.favorites_count counts them).
import { index, integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { userAccount } from './accounts.js';
import { movie } from './movies.js';

export const favoriteMovies = pgTable(
  'favorite_movies',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => userAccount.userId, { onDelete: 'cascade' }),
    movieId: integer('movie_id')
      .notNull()
      .references(() => movie.movieId, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.movieId] }), index('favorite_movies_movie_id_idx').on(t.movieId)],
);
