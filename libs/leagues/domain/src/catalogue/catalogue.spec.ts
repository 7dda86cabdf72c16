import { uuid } from '@auction/contracts';
import { describe, expect, it } from 'vitest';
import { assetIdFor, uuidV5 } from './asset-ids.js';
import { CATALOGUE_ASSETS, inMemoryCatalogue } from './catalogue-assets.js';
import { CRICKET_COMPETITIONS, CRICKET_PLAYERS } from './cricket.js';
import { FOOTBALL_CLUBS, FOOTBALL_COMPETITIONS } from './football.js';

const clubsIn = (key: string) => FOOTBALL_CLUBS.filter((club) => club.competitions.includes(key));
const duplicates = (values: readonly string[]) => values.filter((value, index) => values.indexOf(value) !== index);
const SLUG = /^[a-z]{2,3}(-[a-z0-9]+)+$/;
const PINNED_ARSENAL_ID = '6cbf82fd-650f-5013-a091-8b70bd818ecb';
const PINNED_WILLIAMSON_ID = '7a2491fb-6f5a-5212-b3fc-ae99501903a6';

describe('football catalogue', () => {
  it('has the 20 Premier League clubs of 2025/26', () => {
    const names = clubsIn('EPL').map((club) => club.name);
    expect(names).toHaveLength(20);
    expect(names).toEqual(expect.arrayContaining(['Arsenal', 'Burnley', 'Leeds United', 'Sunderland', 'Wolverhampton Wanderers']));
  });

  it('has the 36 Champions League league-phase clubs of 2025/26', () => {
    const names = clubsIn('UCL').map((club) => club.name);
    expect(names).toHaveLength(36);
    expect(names).toEqual(expect.arrayContaining(['Kairat Almaty', 'Pafos', 'Bodø/Glimt', 'Qarabağ', 'Real Madrid']));
  });

  it('holds a club in both competitions once, with both keys', () => {
    const both = FOOTBALL_CLUBS.filter((club) => club.competitions.includes('EPL') && club.competitions.includes('UCL'));
    expect(both.map((club) => club.shortName).sort()).toEqual(['ARS', 'CHE', 'LIV', 'MCI', 'NEW', 'TOT']);
    expect(FOOTBALL_CLUBS).toHaveLength(20 + 36 - 6);
  });

  it('gives every club a unique name, external id and three-letter code', () => {
    expect(duplicates(FOOTBALL_CLUBS.map((club) => club.name))).toEqual([]);
    expect(duplicates(FOOTBALL_CLUBS.map((club) => club.externalId))).toEqual([]);
    expect(duplicates(FOOTBALL_CLUBS.map((club) => club.shortName))).toEqual([]);
    for (const club of FOOTBALL_CLUBS) {
      expect(club.shortName, club.name).toMatch(/^[A-Z]{3}$/);
      expect(club.externalId, club.name).toMatch(SLUG);
    }
  });

  it('only uses competition keys the sport declares', () => {
    const keys = FOOTBALL_COMPETITIONS.map((competition) => competition.key);
    expect(FOOTBALL_CLUBS.flatMap((club) => club.competitions).every((key) => keys.includes(key))).toBe(true);
  });
});

describe('cricket catalogue', () => {
  it('has at least 15 players in each of the New Zealand and England squads', () => {
    for (const team of ['New Zealand', 'England'] as const) {
      expect(CRICKET_PLAYERS.filter((player) => player.team === team).length, team).toBeGreaterThanOrEqual(15);
    }
  });

  it('gives every player a unique name and a slug id prefixed by the team', () => {
    expect(duplicates(CRICKET_PLAYERS.map((player) => player.name))).toEqual([]);
    expect(duplicates(CRICKET_PLAYERS.map((player) => player.externalId))).toEqual([]);
    for (const player of CRICKET_PLAYERS) {
      expect(player.externalId).toMatch(SLUG);
      expect(player.externalId.startsWith(player.team === 'England' ? 'eng-' : 'nz-')).toBe(true);
    }
    expect(CRICKET_PLAYERS.map((player) => player.externalId)).toContain('nz-kane-williamson');
  });

  it('has a wicketkeeper in each squad and puts every player in the ODI series', () => {
    for (const team of ['New Zealand', 'England'] as const) {
      expect(
        CRICKET_PLAYERS.some((player) => player.team === team && player.role === 'Wicketkeeper'),
        team,
      ).toBe(true);
    }
    const series = CRICKET_COMPETITIONS.map((competition) => competition.key);
    expect(series).toEqual(['ODI-NZ-ENG']);
    expect(CRICKET_PLAYERS.every((player) => player.competitions.includes('ODI-NZ-ENG'))).toBe(true);
  });
});

describe('catalogue assets', () => {
  it('gives every asset a valid, unique UUID and a globally unique external id', () => {
    expect(CATALOGUE_ASSETS).toHaveLength(FOOTBALL_CLUBS.length + CRICKET_PLAYERS.length);
    expect(duplicates(CATALOGUE_ASSETS.map((asset) => asset.id))).toEqual([]);
    expect(duplicates(CATALOGUE_ASSETS.map((asset) => asset.externalId))).toEqual([]);
    expect(CATALOGUE_ASSETS.every((asset) => uuid.safeParse(asset.id).success)).toBe(true);
  });

  it('keeps asset ids stable forever', () => {
    // Pinned values: if these change, every stored league points at the wrong assets.
    expect(assetIdFor('football', 'eng-arsenal')).toBe(PINNED_ARSENAL_ID);
    expect(assetIdFor('cricket', 'nz-kane-williamson')).toBe(PINNED_WILLIAMSON_ID);
    expect(assetIdFor('cricket', 'eng-arsenal')).not.toBe(assetIdFor('football', 'eng-arsenal'));
  });

  it('derives ids with standard version-5 UUIDs', () => {
    // The RFC 9562 example: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('maps clubs to assets with the country as team, players with team and role', () => {
    const arsenal = CATALOGUE_ASSETS.find((asset) => asset.externalId === 'eng-arsenal');
    expect(arsenal).toMatchObject({ sport: 'football', name: 'Arsenal', shortName: 'ARS', team: 'England', role: null });
    const root = CATALOGUE_ASSETS.find((asset) => asset.externalId === 'eng-joe-root');
    expect(root).toMatchObject({ sport: 'cricket', shortName: null, team: 'England', role: 'Batter' });
  });
});

describe('inMemoryCatalogue', () => {
  const catalogue = inMemoryCatalogue();

  it('lists a sport, or one competition of it', () => {
    expect(catalogue.assetsOf('football')).toHaveLength(50);
    expect(catalogue.assetsOf('football', 'EPL')).toHaveLength(20);
    expect(catalogue.assetsOf('football', 'ODI-NZ-ENG')).toEqual([]);
    expect(catalogue.assetsOf('cricket').every((asset) => asset.sport === 'cricket')).toBe(true);
  });

  it('finds assets by id and leaves unknown ids out', () => {
    const arsenal = assetIdFor('football', 'eng-arsenal');
    const found = catalogue.byIds([arsenal, '00000000-0000-4000-8000-000000000000']);
    expect(found.map((asset) => asset.name)).toEqual(['Arsenal']);
  });
});

describe('catalogue ranks and aliases', () => {
  it('ranks each sport 1..n with no gaps or ties, the 2024/25 champions first', () => {
    for (const sport of ['football', 'cricket'] as const) {
      const ranks = CATALOGUE_ASSETS.filter((asset) => asset.sport === sport)
        .map((asset) => asset.rank)
        .sort((a, b) => a - b);
      expect(ranks, sport).toEqual(ranks.map((_, i) => i + 1));
    }
    expect(CATALOGUE_ASSETS.find((asset) => asset.rank === 1 && asset.sport === 'football')?.name).toBe('Liverpool');
    expect(CATALOGUE_ASSETS.find((asset) => asset.name === 'Sunderland')?.rank).toBe(20);
  });

  it('spells clubs as football-data.co.uk does, each spelling naming one club', () => {
    const spellings = FOOTBALL_CLUBS.flatMap((club) => [club.name, club.shortName, ...club.aliases].map((name) => name.toLowerCase()));
    expect(duplicates(spellings)).toEqual([]);
    for (const name of ['Man United', 'Man City', "Nott'm Forest", 'Wolves', 'Newcastle', 'Spurs', 'Tottenham']) {
      expect(
        FOOTBALL_CLUBS.some((club) => club.aliases.includes(name)),
        name,
      ).toBe(true);
    }
  });
});
