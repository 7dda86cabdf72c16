import { describe, expect, it } from 'vitest';
import { CATALOGUE_ASSETS } from './catalogue-assets.js';
import { poolCsv } from './pool-csv.js';

const byExternalId = (id: string) => CATALOGUE_ASSETS.find((asset) => asset.externalId === id)!;

describe('poolCsv', () => {
  it('lists football clubs with short name, country and aliases', () => {
    const united = byExternalId('eng-manchester-united');
    expect(poolCsv('football', [united]).split('\r\n')).toEqual([
      'assetId,externalId,name,rank,shortName,country,aliases',
      `${united.id},eng-manchester-united,Manchester United,15,MUN,England,Man United|Man Utd`,
      '',
    ]);
  });

  it('lists cricketers with team, role and registry id', () => {
    const root = byExternalId('eng-joe-root');
    expect(poolCsv('cricket', [root]).split('\r\n')[1]).toBe(`${root.id},eng-joe-root,Joe Root,1,England,Batter,`);
  });
});
