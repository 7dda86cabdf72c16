import { describe, expect, it } from 'vitest';
import { scoreCricketPlayer, scoreFootballClub, scoreFootballResult } from './match-points.js';
import { DEFAULT_CRICKET_RULES, DEFAULT_FOOTBALL_RULES } from './scoring-rules.js';

describe('football points', () => {
  it('gives a win 3 plus a point a goal', () => {
    expect(scoreFootballClub(2, 1, DEFAULT_FOOTBALL_RULES)).toEqual({ points: 5, goals: 2, wins: 1 });
  });

  it('gives a draw 1 plus a point a goal', () => {
    expect(scoreFootballClub(3, 3, DEFAULT_FOOTBALL_RULES)).toEqual({ points: 4, goals: 3, wins: 0 });
  });

  it('gives a loss only its goals', () => {
    expect(scoreFootballClub(1, 4, DEFAULT_FOOTBALL_RULES)).toEqual({ points: 1, goals: 1, wins: 0 });
  });

  it('scores both sides of a result', () => {
    const result = { externalMatchId: 'M1', homeExternalId: 'ARS', awayExternalId: 'CHE', homeGoals: 0, awayGoals: 2 };
    const scores = scoreFootballResult(result, { win: 2, draw: 1, goal: 3 });
    expect(scores.get('ARS')).toEqual({ points: 0, goals: 0, wins: 0 });
    expect(scores.get('CHE')).toEqual({ points: 8, goals: 2, wins: 1 });
  });
});

describe('cricket points', () => {
  it('adds every contribution with the default weights', () => {
    const stat = { externalMatchId: 'T1', playerExternalId: 'p1', runs: 47, wickets: 2, catches: 1, stumpings: 1, runOuts: 1 };
    // 47 + 2×20 + 10 + 25 + 20
    expect(scoreCricketPlayer(stat, DEFAULT_CRICKET_RULES)).toEqual({ points: 142, catches: 1, stumpings: 1, runOuts: 1 });
  });
});
