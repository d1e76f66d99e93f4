// The movie page's parts from TMDB's data: the facts that link to discover (countries, spoken
// languages), the companies and keywords, and the crew by department. Each link opens discover
// filtered by what it names, under the API's own parameter names (see movie-filters/url.ts).
import { Link } from 'react-router';
import type { MovieDetails } from '../api/client';
import { fullName } from '../format';

const discover = (key: string, value: string | number) => `/discover?${new URLSearchParams({ [key]: String(value) }).toString()}`;

/** Links separated by commas, or a word when there are none. */
function LinkList<T>({ items, to, name, none }: { items: T[]; to: (item: T) => string; name: (item: T) => string; none: string }) {
  if (items.length === 0) return <>{none}</>;
  return (
    <>
      {items.map((item, index) => (
        <span key={to(item)}>
          {index > 0 && ', '}
          <Link to={to(item)}>{name(item)}</Link>
        </span>
      ))}
    </>
  );
}

/** The countries (the main one first) and the spoken languages, as rows of the facts list. */
export function PlaceFacts({ movie }: { movie: MovieDetails }) {
  const countries = movie.countries.length > 0 ? movie.countries : movie.country ? [movie.country] : [];
  return (
    <>
      <dt>{countries.length > 1 ? 'Countries' : 'Country'}</dt>
      <dd>
        <LinkList items={countries} to={(c) => discover('productionCountry', c.code)} name={(c) => c.name} none="Unknown" />
      </dd>
      <dt>{movie.languages.length > 1 ? 'Languages' : 'Language'}</dt>
      <dd>
        <LinkList items={movie.languages} to={(l) => discover('language', l.code)} name={(l) => l.name} none="Unknown" />
      </dd>
    </>
  );
}

/** The production companies in the movie's order, and the keywords by name. */
export function CompaniesAndKeywords({ movie }: { movie: MovieDetails }) {
  return (
    <>
      {movie.companies.length > 0 && (
        <section aria-labelledby="companies-heading">
          <h2 id="companies-heading">Production companies</h2>
          <ul className="tags" aria-label="Companies">
            {movie.companies.map((c) => (
              <li key={c.id}>
                <Link to={discover('company', c.id)}>{c.name}</Link>
                {c.originCountry && <span className="muted"> ({c.originCountry.code})</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {movie.keywords.length > 0 && (
        <section aria-labelledby="keywords-heading">
          <h2 id="keywords-heading">Keywords</h2>
          <ul className="tags" aria-label="Keywords">
            {movie.keywords.map((k) => (
              <li key={k.id}>
                <Link to={discover('keyword', k.id)}>{k.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The crew, a list a department (in TMDB's order of them), each credit its job and person. */
export function CrewSection({ movie }: { movie: MovieDetails }) {
  return (
    <section aria-labelledby="crew-heading">
      <h2 id="crew-heading">Crew</h2>
      {movie.crew.length === 0 ? (
        <p className="state state-empty">No crew is recorded for this movie.</p>
      ) : (
        <div className="crew">
          {movie.crew.map(({ department, credits }) => (
            <section key={department.id} aria-labelledby={`crew-${department.id}`} className="crew-department">
              <h3 id={`crew-${department.id}`}>{department.name}</h3>
              <ul className="filmography" aria-label={department.name}>
                {credits.map((credit) => (
                  <li key={credit.id}>
                    <span className="crew-job">{credit.job}</span>{' '}
                    <Link to={`/persons/${credit.person.id}`}>{fullName(credit.person)}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
