/**
 * Builds the previous release (the commit in ops/previous-release) into .cache/releases/<commit>/,
 * once; a second run finds it there and returns at once. `npm test` runs it before the tests;
 * test/deploy/release-pair.test.ts starts one auction-engine replica from it.
 *
 *   tsx --conditions=@auction/source scripts/build-release.ts [commit]
 */
import { assertAncestorOfHead, buildRelease, previousReleaseCommit } from '@auction/cluster';

const commit = process.argv[2] ?? previousReleaseCommit();
const say = (line: string) => process.stdout.write(`build-release: ${line}\n`);
assertAncestorOfHead(commit, { say });
const release = await buildRelease(commit, { say });
if (!release.built) say(`release ${commit.slice(0, 12)}: already built in ${release.dir}`);
