/** Match files in the published layouts, written by hand for the tests (no copied data). */

export const SEASON_HEADER = 'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HTR,Referee,B365H,B365D,B365A';

type Wicket = { player_out: string; kind: string; fielders?: Array<{ name: string; substitute?: boolean }> };

export function delivery(batter: string, bowler: string, runs: number, wickets?: Wicket[]) {
  return { batter, bowler, non_striker: 'Somebody', runs: { batter: runs, extras: 0, total: runs }, ...(wickets ? { wickets } : {}) };
}

/**
 * A New Zealand v England ODI in Cricsheet's JSON layout. By hand: Williamson 5 runs and a
 * run-out (25 points), Latham 2 runs and a run-out (22), Root 10 runs and a catch (20), Rashid two
 * wickets (40); Buttler's stumping and runs, Henry's wicket and a substitute's catch score for
 * nobody in the pool. The super over (6 runs to Williamson) does not count.
 */
export function odiFile(date = '2025-10-26'): string {
  return JSON.stringify({
    meta: { data_version: '1.1.0', created: '2025-10-27', revision: 1 },
    info: {
      dates: [date],
      teams: ['New Zealand', 'England'],
      match_type: 'ODI',
      event: { name: 'England tour of New Zealand', match_number: 1 },
      players: { 'New Zealand': ['KS Williamson', 'TWM Latham', 'MJ Henry'], England: ['JE Root', 'JC Buttler', 'AU Rashid'] },
      registry: {
        people: {
          'KS Williamson': 'a1',
          'TWM Latham': 'a2',
          'MJ Henry': 'a3',
          'JE Root': 'b1',
          'JC Buttler': 'b2',
          'AU Rashid': 'b3',
          'Sub Fielder': 'c1',
        },
      },
    },
    innings: [
      {
        team: 'New Zealand',
        overs: [
          {
            over: 0,
            deliveries: [
              delivery('KS Williamson', 'AU Rashid', 4),
              delivery('KS Williamson', 'AU Rashid', 1, [{ player_out: 'KS Williamson', kind: 'caught', fielders: [{ name: 'JE Root' }] }]),
              delivery('TWM Latham', 'AU Rashid', 2),
              delivery('TWM Latham', 'AU Rashid', 0, [{ player_out: 'TWM Latham', kind: 'stumped', fielders: [{ name: 'JC Buttler' }] }]),
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
              delivery('JE Root', 'MJ Henry', 10, [
                { player_out: 'JE Root', kind: 'run out', fielders: [{ name: 'TWM Latham' }, { name: 'KS Williamson' }] },
              ]),
              delivery('JC Buttler', 'MJ Henry', 3),
              delivery('AU Rashid', 'MJ Henry', 0, [
                { player_out: 'AU Rashid', kind: 'caught', fielders: [{ name: 'Sub Fielder', substitute: true }] },
              ]),
            ],
          },
        ],
      },
      { team: 'New Zealand', super_over: true, overs: [{ over: 0, deliveries: [delivery('KS Williamson', 'AU Rashid', 6)] }] },
    ],
  });
}

/** The same match's figures as a SPEC §4 cricket stats CSV. */
export const ODI_AS_STATS_CSV = [
  'externalMatchId,playerExternalId,runs,wickets,catches,stumpings,runOuts',
  'T1,nz-kane-williamson,5,0,0,0,1',
  'T1,nz-tom-latham,2,0,0,0,1',
  'T1,eng-joe-root,10,0,1,0,0',
  'T1,eng-adil-rashid,0,2,0,0,0',
];
