// Adding a movie (/movies/new) or changing one (/movies/:id/edit): the movie and every genre are
// loaded, then the form takes over. It keeps what it opened with: the movie may be read again under
// it (after a save, or after signing in again), and a failure of that read does not take it away.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { allGenres, movieDetails } from '../../../api/queries';
import { ErrorState, Loading } from '../../../components/states';
import { useTitle } from '../../../use-title';
import { MovieForm } from './movie-form';

export default function MovieEditorPage() {
  const { id } = useParams();
  const movieId = id === undefined ? null : Number(id);
  const valid = movieId === null || (Number.isInteger(movieId) && movieId >= 1);
  const movie = useQuery({ ...movieDetails(movieId ?? 0), enabled: movieId !== null && valid });
  const genres = useQuery(allGenres);
  const movieTitle = movie.data?.title;
  useTitle(movieId === null ? 'New movie' : movieTitle ? `Edit ${movieTitle}` : 'Edit movie');

  if (!valid) return <ErrorState error={new Error('No movie has this address.')} />;
  // A failed first read only: once the form is open, reading the movie again may fail without it.
  const movieFailed = movieId !== null && movie.isError && !movie.data;
  const genresFailed = genres.isError && !genres.data;
  if (movieFailed || genresFailed) {
    const retry = () => {
      if (movieFailed) void movie.refetch();
      if (genresFailed) void genres.refetch();
    };
    return <ErrorState error={movieFailed ? movie.error : genres.error} retry={retry} />;
  }
  // Loading too while the address changes (from an edit to /movies/new): the old movie must not show.
  if (!genres.data || (movieId !== null && !movie.data)) return <Loading />;
  return <MovieForm key={id ?? 'new'} movie={movieId === null ? null : (movie.data ?? null)} genres={genres.data} />;
}
