import { Link } from 'react-router-dom';

export default function NotFoundPage() {
  return (
    <section className="panel narrow" data-testid="not-found">
      <h1>Page not found</h1>
      <p>We couldn’t find that page. The link may be old or mistyped.</p>
      <div className="actions">
        <Link className="button primary" to="/competitions">
          My competitions
        </Link>
        <Link className="button" to="/help">
          Help
        </Link>
      </div>
    </section>
  );
}
