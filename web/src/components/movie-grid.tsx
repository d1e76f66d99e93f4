// Movies as a grid of posters, each a link to its page.
import { Link } from 'react-router';
import type { MovieSummary } from '../api/client';
import { year } from '../format';
import { Picture } from './picture';

export function MovieGrid({ movies, label }: { movies: MovieSummary[]; label: string }) {
  return (
    <ul className="movie-grid" aria-label={label}>
      {movies.map((movie) => (
        <li key={movie.id}>
          <Link to={`/movies/${movie.id}`} className="movie-card">
            <Picture
              image={movie.poster}
              alt={`Poster of ${movie.title}`}
              sizes="(max-width: 600px) 45vw, 185px"
              className="poster"
              fallback={movie.title}
            />
            <span className="movie-card-title">{movie.title}</span>
            <span className="movie-card-meta">
              {[
                year(movie.releaseDate),
                movie.genres
                  .map((g) => g.name)
                  .slice(0, 2)
                  .join(', '),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
