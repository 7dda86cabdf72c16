import { describe, expect, it } from 'vitest';
import { DISMISSAL_KINDS, parseCricsheetMatch, tallyCricsheet } from './cricsheet-match.js';

type Wicket = { player_out: string; kind: string; fielders?: Array<{ name?: string; substitute?: boolean }> };
const ball = (batter: string, bowler: string, runs: number, wickets?: Wicket[]) => ({
  batter,
  bowler,
  non_striker: 'X Other',
  runs: { batter: runs, extras: 0, total: runs },
  ...(wickets ? { wickets } : {}),
});

/** A match in Cricsheet's JSON layout (https://cricsheet.org/format/json/), built by hand. */
function matchFile(innings: unknown[]) {
  return JSON.stringify({
    meta: { data_version: '1.1.0', created: '2025-11-02', revision: 1 },
    info: {
      dates: ['2025-10-26'],
      teams: ['New Zealand', 'England'],
      match_type: 'ODI',
      players: { 'New Zealand': ['KS Williamson', 'TWM Latham', 'MJ Henry'], England: ['JE Root', 'JC Buttler', 'AU Rashid'] },
      registry: {
        people: {
          'KS Williamson': 'aaaa0001',
          'TWM Latham': 'aaaa0002',
          'MJ Henry': 'aaaa0003',
          'JE Root': 'bbbb0001',
          'JC Buttler': 'bbbb0002',
          'AU Rashid': 'bbbb0003',
          'Sub Fielder': 'cccc0001',
        },
      },
      outcome: { winner: 'New Zealand', by: { runs: 12 } },
    },
    innings,
  });
}

function figuresOf(text: string) {
  const parsed = parseCricsheetMatch(text);
  if (!parsed.match) throw new Error(JSON.stringify(parsed.errors));
  return Object.fromEntries(tallyCricsheet(parsed.match).map(({ name, ...rest }) => [name, rest]));
}

describe('tallyCricsheet', () => {
  it('credits runs off the bat, and wickets, catches, stumpings and run-outs by dismissal kind', () => {
    const figures = figuresOf(
      matchFile([
        {
          team: 'New Zealand',
          overs: [
            {
              over: 0,
              deliveries: [
                ball('KS Williamson', 'AU Rashid', 4),
                { ...ball('KS Williamson', 'AU Rashid', 0), runs: { batter: 0, extras: 5, total: 5 } },
                ball('KS Williamson', 'AU Rashid', 1, [{ player_out: 'KS Williamson', kind: 'caught', fielders: [{ name: 'JE Root' }] }]),
                ball('TWM Latham', 'AU Rashid', 0, [{ player_out: 'TWM Latham', kind: 'stumped', fielders: [{ name: 'JC Buttler' }] }]),
                ball('MJ Henry', 'AU Rashid', 0, [
                  { player_out: 'MJ Henry', kind: 'caught and bowled', fielders: [{ name: 'AU Rashid' }] },
                ]),
              ],
            },
          ],
        },
        {
          team: 'England',
          overs: [
            {
              over: 0,
              deliveries: [
                ball('JE Root', 'MJ Henry', 2, [
                  { player_out: 'JC Buttler', kind: 'run out', fielders: [{ name: 'TWM Latham' }, { name: 'KS Williamson' }] },
                ]),
                ball('JE Root', 'MJ Henry', 0, [
                  { player_out: 'JE Root', kind: 'caught', fielders: [{ name: 'Sub Fielder', substitute: true }] },
                ]),
                ball('AU Rashid', 'MJ Henry', 0, [{ player_out: 'AU Rashid', kind: 'lbw' }]),
              ],
            },
          ],
        },
      ]),
    );
    expect(figures['KS Williamson']).toEqual({
      registryId: 'aaaa0001',
      team: 'New Zealand',
      runs: 5,
      wickets: 0,
      catches: 0,
      stumpings: 0,
      runOuts: 1,
    });
    expect(figures['AU Rashid']).toMatchObject({ team: 'England', wickets: 3, catches: 1 });
    expect(figures['JE Root']).toMatchObject({ runs: 2, catches: 1 });
    expect(figures['JC Buttler']).toMatchObject({ stumpings: 1, runs: 0 });
    expect(figures['TWM Latham']).toMatchObject({ runOuts: 1 });
    expect(figures['MJ Henry']).toMatchObject({ wickets: 2 });
    expect(figures['Sub Fielder']).toEqual({
      registryId: 'cccc0001',
      team: 'New Zealand',
      runs: 0,
      wickets: 0,
      catches: 1,
      stumpings: 0,
      runOuts: 0,
    });
  });

  it.each(DISMISSAL_KINDS.map((kind) => [kind]))('credits a "%s" dismissal as SPEC §9 says', (kind) => {
    const fielders = ['caught', 'stumped', 'run out'].includes(kind) ? [{ name: 'JE Root' }] : undefined;
    const figures = figuresOf(
      matchFile([
        {
          team: 'New Zealand',
          overs: [{ over: 0, deliveries: [ball('KS Williamson', 'AU Rashid', 0, [{ player_out: 'KS Williamson', kind, fielders }])] }],
        },
      ]),
    );
    const bowlerCredited = !['run out', 'retired hurt', 'retired out', 'retired not out', 'obstructing the field'].includes(kind);
    expect(figures['AU Rashid']!.wickets).toBe(bowlerCredited ? 1 : 0);
    expect(figures['AU Rashid']!.catches).toBe(kind === 'caught and bowled' ? 1 : 0);
    expect(figures['JE Root']).toMatchObject({
      catches: kind === 'caught' ? 1 : 0,
      stumpings: kind === 'stumped' ? 1 : 0,
      runOuts: kind === 'run out' ? 1 : 0,
    });
  });

  it('leaves super-over deliveries out', () => {
    const figures = figuresOf(
      matchFile([
        { team: 'New Zealand', overs: [{ over: 0, deliveries: [ball('KS Williamson', 'AU Rashid', 6)] }] },
        {
          team: 'New Zealand',
          super_over: true,
          overs: [{ over: 0, deliveries: [ball('KS Williamson', 'AU Rashid', 6, [{ player_out: 'KS Williamson', kind: 'bowled' }])] }],
        },
      ]),
    );
    expect(figures['KS Williamson']!.runs).toBe(6);
    expect(figures['AU Rashid']!.wickets).toBe(0);
  });

  it('lists squad players who did nothing with zeros', () => {
    expect(figuresOf(matchFile([]))['TWM Latham']).toMatchObject({ runs: 0, wickets: 0, team: 'New Zealand' });
  });
});

describe('parseCricsheetMatch', () => {
  it('names the path of every bad value', () => {
    const text = JSON.stringify({
      info: { dates: ['26/10/2025'], teams: ['New Zealand'] },
      innings: [
        {
          team: 'England',
          overs: [
            {
              over: 0,
              deliveries: [
                {
                  batter: 'JE Root',
                  bowler: 'MJ Henry',
                  runs: { batter: -1, extras: 0, total: 0 },
                  wickets: [{ player_out: 'JE Root', kind: 'throttled' }],
                },
              ],
            },
          ],
        },
      ],
    });
    const parsed = parseCricsheetMatch(text);
    expect(parsed.match).toBeNull();
    expect(parsed.errors.map((error) => error.path).sort()).toEqual([
      'info.dates[0]',
      'info.teams',
      'innings[0].overs[0].deliveries[0].runs.batter',
      'innings[0].overs[0].deliveries[0].wickets[0].kind',
    ]);
  });

  it('reports JSON that does not parse at the path $', () => {
    expect(parseCricsheetMatch('{"info": ').errors).toEqual([{ path: '$', message: expect.stringContaining('is not valid JSON') }]);
  });
});
