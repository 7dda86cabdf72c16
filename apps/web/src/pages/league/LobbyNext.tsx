import type { Asset, League, SportWords } from '@auction/contracts';
import { leaguesApi } from '../../api/endpoints';
import { formatMoney, plural } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';

/** The league's pool by name, in the league's order (the catalogue pages are followed until every id is found). */
async function poolOf(league: League, signal: AbortSignal): Promise<Asset[]> {
  const wanted = new Set(league.assetIds);
  const found = new Map<string, Asset>();
  let cursor: string | null = null;
  for (let page = 0; page < 20 && found.size < wanted.size; page++) {
    const answer = await leaguesApi.assets(
      { sport: league.sport, competition: league.competition ?? undefined, limit: 200, cursor },
      signal,
    );
    for (const asset of answer.items) if (wanted.has(asset.id)) found.set(asset.id, asset);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return league.assetIds.flatMap((id) => found.get(id) ?? []);
}

/** A manager's lobby: what happens next and what is for sale. */
export function LobbyNext({ league, words }: { league: League; words: SportWords }) {
  const pool = useAsync((signal) => poolOf(league, signal), [league.id, league.assetIds.join(',')]);
  const commissioner = league.members.find((m) => m.userId === league.commissionerId)?.displayName ?? 'the commissioner';
  const missing = Math.max(0, league.minManagers - league.members.length);
  return (
    <div className="panel" data-testid="lobby-next">
      <h2>What happens next</h2>
      <p data-testid="lobby-waiting">
        Waiting for {commissioner} to start the auction.
        {missing > 0 && ` It needs ${plural(missing, 'more manager', 'more managers')} first.`}
      </p>
      <p className="meta">
        You get {formatMoney(league.budget)} to buy {plural(league.rosterSize, words.asset.toLowerCase(), words.assets.toLowerCase())}; bids
        start at {formatMoney(league.openingBid)}. Keep this page open: the button to the auction room appears here as soon as it starts.
      </p>
      <h3>
        {words.assets} for sale <span className="meta">({league.assetIds.length})</span>
      </h3>
      {pool.data ? (
        <ul className="pool" data-testid="lobby-pool">
          {pool.data.map((asset) => (
            <li key={asset.id}>{asset.name}</li>
          ))}
        </ul>
      ) : (
        pool.status === 'error' && <p className="meta">The list couldn’t be loaded just now.</p>
      )}
    </div>
  );
}
