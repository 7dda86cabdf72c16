import { Link } from 'react-router-dom';

const FAQ: Array<{ q: string; a: string }> = [
  {
    q: 'I pressed bid right at the end — why didn’t it count?',
    a: 'A bid counts only if the server commits it before the deadline. The countdown on your phone follows the server’s clock, but your bid still has to travel there. Every confirmation shows the server’s time, so you can see exactly when it landed.',
  },
  {
    q: 'Why can’t I bid more than my “max bid”?',
    a: 'You must be able to fill every empty place in your squad. Your max bid is your budget left, minus the opening bid for each other empty place. That way nobody ends up with empty slots and no money.',
  },
  {
    q: 'The screen says “Reconnecting…”. What do I do?',
    a: 'Nothing — it reconnects by itself and loads the current state of the auction, including any lots sold while you were away. If a bid was on its way, it is sent again safely: the server counts it at most once.',
  },
  {
    q: 'Someone else’s screen shows a slightly different time.',
    a: 'Each phone measures its difference from the server’s clock and counts down by the server’s time, so screens agree to within a quarter of a second. The server’s clock is the one that decides.',
  },
  {
    q: 'Can I use the same account on my phone and laptop?',
    a: 'Yes. Ask for a sign-in link on each device and open it there.',
  },
  {
    q: 'My sign-in link says it expired or was used.',
    a: 'Links work once and for 15 minutes. Ask for a new one from the sign-in page.',
  },
  {
    q: 'What happens to a lot with no bids?',
    a: 'It goes unsold and nobody gets it. The auction moves on to the next lot.',
  },
];

export default function HelpPage() {
  return (
    <article className="help stack">
      <h1>How to play</h1>
      <nav aria-label="On this page" className="panel toc">
        <ul>
          <li>
            <a href="#start">Getting started</a>
          </li>
          <li>
            <a href="#auction">The auction</a>
          </li>
          <li>
            <a href="#buzzer">The rule at the buzzer</a>
          </li>
          <li>
            <a href="#anti-snipe">Anti-snipe</a>
          </li>
          <li>
            <a href="#scoring">Scoring</a>
          </li>
          <li>
            <a href="#commissioners">For commissioners</a>
          </li>
          <li>
            <a href="#faq">Questions</a>
          </li>
        </ul>
      </nav>

      <section id="start" className="panel">
        <h2>Getting started</h2>
        <ol>
          <li>
            <Link to="/sign-in">Sign in</Link> with your email. We send you a link — open it on the same phone. No password.
          </li>
          <li>Open the invite link your commissioner shared to join the league.</li>
          <li>
            Wait for the auction: the league page shows who is online, and an “Enter auction room” button appears the moment it starts.
          </li>
        </ol>
      </section>

      <section id="auction" className="panel">
        <h2>The auction</h2>
        <p>
          Football leagues bid for clubs, cricket leagues for players. One lot is up at a time. Everyone has the same budget (in £ millions)
          and a squad of a fixed size.
        </p>
        <ul>
          <li>The first bid must be at least the opening bid; each later bid must beat the high bid by at least the smallest raise.</li>
          <li>Use the quick buttons — the next bid, +5 or +10 — or type your own amount.</li>
          <li>
            Your <strong>max bid</strong> keeps enough money to fill your squad: budget left minus the opening bid for each other empty
            place.
          </li>
          <li>When the clock runs out, the highest bidder gets the lot and pays their bid. Lots with no bids go unsold.</li>
          <li>When a button is greyed out, the reason is written just below it.</li>
        </ul>
      </section>

      <section id="buzzer" className="panel">
        <h2>The rule at the buzzer</h2>
        <p className="callout">
          <strong>A bid counts if the server commits it before the deadline; every confirmation shows the server’s time.</strong>
        </p>
        <p>
          Your phone’s countdown follows the server’s clock (not your phone’s), so everyone sees the same deadline. A bid sent in the last
          instant may arrive too late on a slow connection — bid a little early if your signal is weak.
        </p>
      </section>

      <section id="anti-snipe" className="panel">
        <h2>Anti-snipe</h2>
        <p>
          To stop last-second snipes, a bid accepted in the final seconds (the league’s anti-snipe window, 10 seconds by default) moves the
          deadline to that many seconds after the bid. Everyone gets a fair chance to answer. You’ll hear “Time extended” if you use a
          screen reader.
        </p>
      </section>

      <section id="scoring" className="panel">
        <h2>Scoring</h2>
        <p>After the auction, your squad scores points in every match (the league may change these values):</p>
        <ul>
          <li>Football clubs: 3 for a win, 1 for a draw, 1 for each goal scored.</li>
          <li>Cricket players: 1 per run, 20 per wicket, 10 per catch, 25 per stumping, 20 per run-out.</li>
        </ul>
        <p>
          Ties break on goals then wins (football) or catches, stumpings then run-outs (cricket), then on less money spent, then on who
          joined first.
        </p>
      </section>

      <section id="commissioners" className="panel">
        <h2>For commissioners</h2>
        <ol>
          <li>Create a league: pick the sport, the competition (or choose the lots yourself), budget, squad size and timers.</li>
          <li>
            Share the invite link, or upload a CSV of emails (header <code>email</code>) to send everyone a sign-in link that also joins the
            league.
          </li>
          <li>Start the auction once enough managers have joined. You can pause, resume or end it from the auction room.</li>
          <li>
            Upload fixtures and results as CSV from the league’s “Fixtures and results” page. A file with a bad line saves nothing and shows
            every line to fix.
          </li>
        </ol>
      </section>

      <section id="faq" className="panel">
        <h2>Questions</h2>
        {FAQ.map(({ q, a }) => (
          <details key={q}>
            <summary>{q}</summary>
            <p>{a}</p>
          </details>
        ))}
      </section>
    </article>
  );
}
