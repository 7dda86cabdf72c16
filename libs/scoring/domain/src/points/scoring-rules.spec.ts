import { describe, expect, it } from 'vitest';
import { cricketRulesWith, footballRulesWith } from './scoring-rules.js';

describe('rules', () => {
  it('defaults to the contract values', () => {
    expect(footballRulesWith()).toEqual({ win: 3, draw: 1, goal: 1 });
    expect(cricketRulesWith()).toEqual({ run: 1, wicket: 20, catch: 10, stumping: 25, runOut: 20 });
  });

  it('takes league overrides key by key and ignores the other sport’s keys', () => {
    expect(footballRulesWith({ goal: 2 })).toEqual({ win: 3, draw: 1, goal: 2 });
    expect(cricketRulesWith({ win: 9 })).toEqual({ run: 1, wicket: 20, catch: 10, stumping: 25, runOut: 20 });
    expect(cricketRulesWith({ catch: 0, runOut: 5 })).toEqual({ run: 1, wicket: 20, catch: 0, stumping: 25, runOut: 5 });
  });
});
