import { AmbiguousName } from '../csv/cricket-stats-csv.js';

export interface DirectoryPlayer {
  externalId: string;
  name: string;
  /** Other spellings of the name. */
  aliases?: readonly string[];
  team: string | null;
  registryId: string | null;
}

export type PersonMatch<Player> = { kind: 'found'; player: Player } | { kind: 'unknown' } | { kind: 'ambiguous'; candidates: Player[] };

/** Case, surrounding spaces, repeated spaces and accents never make two names differ. */
export function normalizeName(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Finds catalogue players by the ways files name them: external id, Cricsheet registry id, full
 * name (or alias), and Cricsheet's initials-and-surname form ("KS Williamson" is the Kane
 * Williamson of the catalogue when no other Williamson with a K fits).
 */
export class PlayerDirectory<Player extends DirectoryPlayer> {
  private readonly byExternalId = new Map<string, Player>();
  private readonly byRegistryId = new Map<string, Player>();
  private readonly byName = new Map<string, Player[]>();
  private readonly bySurname = new Map<string, Player[]>();

  constructor(players: readonly Player[]) {
    for (const player of players) {
      this.byExternalId.set(normalizeName(player.externalId), player);
      if (player.registryId) this.byRegistryId.set(player.registryId, player);
      for (const name of new Set([player.name, ...(player.aliases ?? [])].map(normalizeName))) {
        push(this.byName, name, player);
        const [, surname] = splitFirstName(name);
        if (surname) push(this.bySurname, surname, player);
      }
    }
  }

  /** The results CSV's `playerExternalId`: an external id, else a name that fits one player. */
  byIdOrName(value: string): Player | null | AmbiguousName {
    const player = this.byExternalId.get(normalizeName(value));
    if (player) return player;
    const named = unique(this.byName.get(normalizeName(value)) ?? []);
    if (named.length === 1) return named[0]!;
    return named.length > 1 ? new AmbiguousName(named.map(describePlayer)) : null;
  }

  /** A person of a Cricsheet file: by registry id, else by a name that fits one player of their team. */
  matchPerson(person: { name: string; registryId: string | null; team: string }): PersonMatch<Player> {
    const registered = person.registryId ? this.byRegistryId.get(person.registryId) : undefined;
    if (registered) return { kind: 'found', player: registered };
    const name = normalizeName(person.name);
    const ofTeam = (players: readonly Player[]) =>
      unique(players.filter((p) => p.team === null || normalizeName(p.team) === normalizeName(person.team)));
    let candidates = ofTeam(this.byName.get(name) ?? []);
    if (candidates.length === 0) candidates = ofTeam(this.byInitials(person.name));
    if (candidates.length === 1) return { kind: 'found', player: candidates[0]! };
    return candidates.length === 0 ? { kind: 'unknown' } : { kind: 'ambiguous', candidates };
  }

  /** "KS Williamson" (capital initials, then the surname) → players surnamed Williamson whose first name starts with K. */
  private byInitials(written: string): Player[] {
    const [initials, surname] = splitFirstName(written.trim().replace(/\s+/g, ' '));
    if (!surname || !/^[A-Z]{1,4}$/.test(initials)) return [];
    const first = initials[0]!.toLowerCase();
    return (this.bySurname.get(normalizeName(surname)) ?? []).filter((player) =>
      [player.name, ...(player.aliases ?? [])].some((name) => normalizeName(name).startsWith(first)),
    );
  }
}

export function describePlayer(player: DirectoryPlayer): string {
  return `${player.name} (${player.externalId})`;
}

function splitFirstName(name: string): [string, string] {
  const space = name.indexOf(' ');
  return space < 0 ? [name, ''] : [name.slice(0, space), name.slice(space + 1)];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
