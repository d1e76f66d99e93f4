import { Link } from 'react-router';
import { useTitle } from '../use-title';

export default function NotFoundPage() {
  useTitle('Not found');
  return (
    <section className="narrow">
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. <Link to="/">Back to the home page</Link> or <Link to="/discover">discover movies</Link>.
      </p>
    </section>
  );
}
