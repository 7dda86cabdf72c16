import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

/** What the auction engine's HTTP API takes and answers on the bid path. */
const HTTP_TYPES = (ns: string) =>
  `{ ${['AcceptedBid', 'AuctionSnapshot', 'ErrorBody', 'PlaceBidRequest'].map((name) => `${name}: ${ns}.${name}`).join('; ')} }`;

/**
 * What a client of one release and an auction-engine replica of another exchange, as two builds of
 * `@auction/contracts` declare it: every Socket.IO event each way with its acknowledgement, and the
 * bid and snapshot bodies of the HTTP API. The contracts hold TypeScript types, not schemas, for
 * what the server sends, so the check is TypeScript's: each message, as either release types it,
 * must be assignable to the other's type (an added optional field passes; a removed, renamed,
 * retyped or newly required one fails), and no event the older release knows may be gone from the newer one.
 */
const CHECK = (older: string, newer: string) => `
import type * as Old from ${JSON.stringify(older)};
import type * as New from ${JSON.stringify(newer)};

type Payload<F> = F extends (payload: infer P, ...rest: never[]) => unknown ? P : never;
type AckOf<F> = F extends (payload: never, ack: infer A, ...rest: never[]) => unknown ? A : never;
type Answer<A> = A extends (answer: infer R) => unknown ? R : never;
type Payloads<E> = { [K in keyof E]: Payload<E[K]> };
type Answers<E> = { [K in keyof E]: Answer<AckOf<E[K]>> };
/** Keys of A missing from B, or whose types are not assignable both ways. */
type Incompatible<A, B> =
  | Exclude<keyof A, keyof B>
  | { [K in keyof A & keyof B]: [A[K]] extends [B[K]] ? ([B[K]] extends [A[K]] ? never : K) : K }[keyof A & keyof B];
type Verdict<A, B> = [Incompatible<A, B>] extends [never] ? 'compatible' : Incompatible<A, B>;

export const serverEvents: Verdict<Payloads<Old.ServerToClientEvents>, Payloads<New.ServerToClientEvents>> = 'compatible';
export const clientEvents: Verdict<Payloads<Old.ClientToServerEvents>, Payloads<New.ClientToServerEvents>> = 'compatible';
export const acknowledgements: Verdict<Answers<Old.ClientToServerEvents>, Answers<New.ClientToServerEvents>> = 'compatible';
export const http: Verdict<${HTTP_TYPES('Old')}, ${HTTP_TYPES('New')}> = 'compatible';
`;

/** TypeScript's "not assignable": here, a verdict that is not 'compatible'; read from the verdict's type instead. */
const NOT_ASSIGNABLE = 2322;

/**
 * What does not fit between two contracts builds (each named by its `dist/index.js`, read through
 * its declarations): `serverEvents: bid:accepted, lot:sold` and the like, plus any other compiler
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
      return keys.join() === 'compatible' ? [] : [`${declaration.name.getText(source)}: ${keys.join(', ')}`];
    }),
  );
}
