import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

/** The message groups compared, each as a map from name to type, given the namespace of one release's contracts. */
const GROUPS: Record<string, (ns: string) => string> = {
  serverEvents: (ns) => `Payloads<${ns}.ServerToClientEvents>`,
  clientEvents: (ns) => `Payloads<${ns}.ClientToServerEvents>`,
  acknowledgements: (ns) => `Answers<${ns}.ClientToServerEvents>`,
  // What the auction engine's HTTP API takes and answers on the bid path.
  http: (ns) =>
    `Wire<{ ${['AcceptedBid', 'AuctionSnapshot', 'ErrorBody', 'PlaceBidRequest'].map((name) => `${name}: ${ns}.${name}`).join('; ')} }>`,
};
/** How each verdict is named in the answer. */
const DIRECTIONS = {
  gone: 'gone from the newer release',
  olderToNewer: 'older → newer',
  newerToOlder: 'newer → older',
};

/**
 * What a client of one release and an auction-engine replica of another exchange, as two builds of
 * `@auction/contracts` declare it: every Socket.IO event each way with its acknowledgement, and the
 * bid and snapshot bodies of the HTTP API. The contracts hold TypeScript types, not schemas, for
 * what the server sends, so the check is TypeScript's: each message, as either release types it,
 * must be assignable to the other's type (an added optional field passes; a removed, renamed,
 * retyped, or newly required one fails, as does an optional one made required: that is a contract
 * step, for the release after), and no event the older release knows may be gone from the newer
 * one. Error codes compare as strings: a client maps a code it does not know by the HTTP status.
 */
const CHECK = (older: string, newer: string) => `
import type * as Old from ${JSON.stringify(older)};
import type * as New from ${JSON.stringify(newer)};

type Codes = Old.ErrorCode | New.ErrorCode;
type Wire<T> = T extends Codes ? string : T extends (...args: never[]) => unknown ? T : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;
type Payload<F> = F extends (payload: infer P, ...rest: never[]) => unknown ? P : never;
type AckOf<F> = F extends (payload: never, ack: infer A, ...rest: never[]) => unknown ? A : never;
type Answer<A> = A extends (answer: infer R) => unknown ? R : never;
type Payloads<E> = { [K in keyof E]: Wire<Payload<E[K]>> };
type Answers<E> = { [K in keyof E]: Wire<Answer<AckOf<E[K]>>> };
type NotAssignable<A, B> = { [K in keyof A & keyof B]: [A[K]] extends [B[K]] ? never : K }[keyof A & keyof B];
type Verdict<Keys> = [Keys] extends [never] ? 'compatible' : Keys;

${Object.entries(GROUPS)
  .map(
    ([group, of]) => `
export const ${group}__gone: Verdict<Exclude<keyof ${of('Old')}, keyof ${of('New')}>> = 'compatible';
export const ${group}__olderToNewer: Verdict<NotAssignable<${of('Old')}, ${of('New')}>> = 'compatible';
export const ${group}__newerToOlder: Verdict<NotAssignable<${of('New')}, ${of('Old')}>> = 'compatible';`,
  )
  .join('\n')}
`;

/** TypeScript's "not assignable": here, a verdict that is not 'compatible'; read from the verdict's type instead. */
const NOT_ASSIGNABLE = 2322;

/**
 * What does not fit between two contracts builds (each named by its `dist/index.js`, read through
 * its declarations), as `serverEvents older → newer: lot:sold` and the like, plus any other compiler
 * error (an import that does not resolve is one). Empty when they are compatible.
 */
export function wireIncompatibilities(olderContracts: string, newerContracts: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'wire-compat-'));
  try {
    const file = join(dir, 'check.mts');
    writeFileSync(file, CHECK(olderContracts, newerContracts));
    const program = ts.createProgram([file], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    });
    const source = program.getSourceFile(file)!;
    const errors = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
      .filter((d) => d.code !== NOT_ASSIGNABLE)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    return [...errors, ...verdicts(program.getTypeChecker(), source)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each exported verdict that is not 'compatible', with the keys its type names. */
function verdicts(checker: ts.TypeChecker, source: ts.SourceFile): string[] {
  return source.statements.filter(ts.isVariableStatement).flatMap((statement) =>
    statement.declarationList.declarations.flatMap((declaration) => {
      const type = checker.getTypeFromTypeNode(declaration.type!);
      const keys = (type.isUnion() ? type.types : [type]).map((t) => (t.isStringLiteral() ? t.value : checker.typeToString(t))).sort();
      const [group, direction] = declaration.name.getText(source).split('__') as [string, keyof typeof DIRECTIONS];
      return keys.join() === 'compatible' ? [] : [`${group} ${DIRECTIONS[direction]}: ${keys.join(', ')}`];
    }),
  );
}
