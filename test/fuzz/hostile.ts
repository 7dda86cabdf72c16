import fc from 'fast-check';

/**
 * Generators of hostile input for the fuzz suite (fast-check). Each one mixes values a client
 * could plausibly send with the ones an attacker would: control characters, edge numbers,
 * wrong types, huge and deeply nested values, bad ids and cursors.
 */
const CONTROL = ['\u0000', '\u0001', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u202e', '\u2066', '\ud800', '\udfff'];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...CONTROL), fc.string({ maxLength: 10 })).map(([a, c, b]) => `${a}${c}${b}`),
  fc.constantFrom(
    '',
    ' ',
    '   ',
    'null',
    'undefined',
    '[object Object]',
    '__proto__',
    'constructor',
    '../../etc/passwd',
    "' or 1=1 --",
    '"; drop table x; --',
    '<script>alert(1)</script>',
    '${jndi:x}',
    '%00',
    '%',
    '\\',
    '😀'.repeat(40),
  ),
  fc.integer({ min: 81, max: 5000 }).map((n) => 'x'.repeat(n)),
  fc.constantFrom('football', 'cricket', 'random', 'fixed', 'EPL', 'UCL', 'club@club.test', 'a'.repeat(16), 'x'.repeat(43)),
);

export const edgeNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    2,
    3,
    10,
    60,
    500,
    501,
    2 ** 31 - 1,
    2 ** 31,
    2 ** 53,
    -(2 ** 53),
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e308,
    0.5,
    1.5,
    99999999999,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export function deepNesting(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

/** Nesting too deep to build as an object here: `[[[…1…]]]` as JSON text. */
export function deepJson(depth: number): string {
  return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: edgeNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [[]], { $gt: '' }, { __proto__: { admin: true } }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 400 }).map(deepNesting) },
);

/** What to put where an id goes: the right one for the persona's world, another real one, or junk. */
export interface IdPool {
  valid: string[];
}

export function idValue(pool: IdPool): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...pool.valid) },
    { weight: 2, arbitrary: fc.uuid() },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '00000000-0000-0000-0000-000000000000',
        'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
        'not-a-uuid',
        '1',
        '-1',
        '0x10',
        'null',
        '%00',
        '..',
        'a'.repeat(300),
      ),
    },
    { weight: 1, arbitrary: hostileString.filter((s) => s.length > 0) },
  );
}

export const hostileCursor: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('99999999999', '2147483648', '2147483647', '-1', '0', '1e3', 'abc', ''),
  fc.jsonValue({ maxDepth: 2 }).map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
  fc
    .tuple(
      fc.constantFrom(
        '+275760-09-13T00:00:00.000Z',
        '-271821-04-20T00:00:00.000Z',
        '+010000-01-01T00:00:00Z',
        '0000-01-01T00:00:00Z',
        '2026-08-15T14:00:00Z',
        'not a date',
      ),
      hostileString,
    )
    .map((pair) => Buffer.from(JSON.stringify(pair)).toString('base64url')),
  hostileString,
);

/** A query-string value, percent-encoded (a lone surrogate cannot be, so it travels as raw bytes). */
export function encodeQueryValue(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}
