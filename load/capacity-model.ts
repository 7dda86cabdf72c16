/**
 * The capacity model of docs/capacity.md, solved from measured runs:
 * auction-engine CPU (ms) = a·A + r·R + d·D + s·M + t·T, PostgreSQL CPU (ms) = p·A + u·R + q·T,
 * with A accepted and R refused bids, D broadcast deliveries, M socket-minutes and T seconds of
 * the run. An acceptance is written and broadcast; most refusals share one statement.
 */

/** What one run measured (totals over its bidding). */
export interface Observation {
  name: string;
  seconds: number;
  answered: number;
  accepted: number;
  deliveries: number;
  socketMinutes: number;
  engineCpuMs: number;
  postgresCpuMs: number;
  /** Peak resident memory of all engine replicas, MB, and the sockets they held. */
  engineRssMb: number;
  sockets: number;
}

export interface CostModel {
  /** Engine CPU ms per accepted bid, per refused bid, per delivery, per socket-minute. */
  a: number;
  r: number;
  d: number;
  s: number;
  /** Engine CPU ms per second of background work (the replicas' polls, timers, health checks), whether anyone bids. */
  t: number;
  /** PostgreSQL CPU ms per accepted bid, per refused bid, and per second of background work (polling, health checks). */
  p: number;
  u: number;
  q: number;
}

/** Solves `m · x = y` for a square system by Gaussian elimination with partial pivoting. */
export function solveLinear(m: number[][], y: number[]): number[] {
  const n = y.length;
  const rows = m.map((row, i) => [...row, y[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(rows[r]![col]!) > Math.abs(rows[pivot]![col]!)) pivot = r;
    if (Math.abs(rows[pivot]![col]!) < 1e-9)
      throw new Error('the runs do not determine the model (singular system): vary room sizes and sockets');
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = rows[r]![col]! / rows[col]![col]!;
      for (let c = col; c <= n; c++) rows[r]![c]! -= factor * rows[col]![c]!;
    }
  }
  return rows.map((row, i) => row[n]! / row[i]!);
}

/**
 * Least squares for `y ≈ X · b` (no intercept) by the normal equations `XᵀX b = Xᵀy`: one row of
 * X per run, one column per cost. Needs at least as many runs as costs, and runs that vary them
 * independently (else the system is singular).
 */
export function leastSquares(x: number[][], y: number[]): number[] {
  const columns = x[0]!.length;
  if (x.length < columns) throw new Error(`${columns} costs need at least ${columns} runs`);
  const dot = (u: number[], v: number[]) => u.reduce((sum, ui, i) => sum + ui * v[i]!, 0);
  // Each column scaled to unit length, so that a singular system shows as such whatever the units.
  const raw = Array.from({ length: columns }, (_, j) => x.map((row) => row[j]!));
  const norms = raw.map((c) => Math.sqrt(dot(c, c)) || 1);
  const scaled = raw.map((c, j) => c.map((value) => value / norms[j]!));
  const gram = scaled.map((u) => scaled.map((v) => dot(u, v)));
  return solveLinear(
    gram,
    scaled.map((c) => dot(c, y)),
  ).map((b, j) => b / norms[j]!);
}

/**
 * Least squares with every coefficient at least 0 (a cost cannot be negative). When the plain fit
 * has a negative coefficient, the best of the plain fits over subsets of the columns that are
 * non-negative, the columns left out at 0: exact, and cheap for a handful of columns (2^n fits).
 * Throws, as `leastSquares`, when the runs cannot tell the columns apart.
 */
export function nonNegativeLeastSquares(x: number[][], y: number[]): number[] {
  const plain = leastSquares(x, y);
  if (plain.every((b) => b >= 0)) return plain;
  const columns = plain.length;
  const residual = (fit: number[]) => x.reduce((sum, row, i) => sum + (row.reduce((v, xj, j) => v + xj * fit[j]!, 0) - y[i]!) ** 2, 0);
  let best: { fit: number[]; residual: number } | null = null;
  for (let subset = 1; subset < (1 << columns) - 1; subset++) {
    const kept = plain.map((_, j) => j).filter((j) => subset & (1 << j));
    const partial = leastSquares(
      x.map((row) => kept.map((j) => row[j]!)),
      y,
    );
    if (partial.some((b) => b < 0)) continue;
    const fit = plain.map((_, j) => (kept.includes(j) ? partial[kept.indexOf(j)]! : 0));
    const candidate = { fit, residual: residual(fit) };
    if (!best || candidate.residual < best.residual) best = candidate;
  }
  return best?.fit ?? plain.map(() => 0);
}

/**
 * The engine's five costs and PostgreSQL's three, each by least squares over the calibration
 * runs, none below 0. The runs should differ in the share of bids accepted and in bids per
 * delivery (room sizes), and in sockets per bid (idle sockets): where deliveries grow in step with
 * bids the two cannot be told apart, and an unconstrained fit may trade one for a negative other.
 */
export function solveModel(calibration: Observation[]): CostModel {
  const [a, r, d, s, t] = nonNegativeLeastSquares(
    calibration.map((o) => [o.accepted, o.answered - o.accepted, o.deliveries, o.socketMinutes, o.seconds]),
    calibration.map((o) => o.engineCpuMs),
  );
  const [p, u, q] = nonNegativeLeastSquares(
    calibration.map((o) => [o.accepted, o.answered - o.accepted, o.seconds]),
    calibration.map((o) => o.postgresCpuMs),
  );
  return { a: a!, r: r!, d: d!, s: s!, t: t!, p: p!, u: u!, q: q! };
}

type Activity = Pick<Observation, 'answered' | 'accepted' | 'deliveries' | 'socketMinutes' | 'seconds'>;

export function predictEngineCpuMs(model: CostModel, o: Activity): number {
  return (
    model.a * o.accepted + model.r * (o.answered - o.accepted) + model.d * o.deliveries + model.s * o.socketMinutes + model.t * o.seconds
  );
}

export function predictPostgresCpuMs(model: CostModel, o: Pick<Activity, 'answered' | 'accepted' | 'seconds'>): number {
  return model.p * o.accepted + model.u * (o.answered - o.accepted) + model.q * o.seconds;
}

/** A load to size for: rooms of bidders at the measured per-bidder rates, plus sockets that only listen. */
export interface LoadShape {
  name: string;
  rooms: number;
  biddersPerRoom: number;
  idleSockets: number;
}

/** Per-bidder and per-room rates of a measured one-room run, which a shape scales, and memory per socket. */
export interface Rates {
  answeredPerBidderPerSecond: number;
  /** Accepted bids per room per second: bounded by the room (one auction's bids are serialised, valuations stop bidders). */
  acceptedPerRoomPerSecond: number;
  /** Engine replicas' resident memory: what they hold with no sockets, and what each socket adds. */
  baseRssMb: number;
  rssMbPerSocket: number;
}

/**
 * Rates from a one-room run of `bidders`; memory from the slope between that run and one with
 * many more sockets (each run in an environment of its own, so neither inherits the other's memory).
 */
export function ratesOf(oneRoom: Observation, bidders: number, manySockets: Observation): Rates {
  const rssMbPerSocket = (manySockets.engineRssMb - oneRoom.engineRssMb) / (manySockets.sockets - oneRoom.sockets);
  return {
    answeredPerBidderPerSecond: oneRoom.answered / oneRoom.seconds / bidders,
    acceptedPerRoomPerSecond: oneRoom.accepted / oneRoom.seconds,
    baseRssMb: oneRoom.engineRssMb - rssMbPerSocket * oneRoom.sockets,
    rssMbPerSocket,
  };
}

export interface Sizing {
  shape: LoadShape;
  answeredPerSecond: number;
  acceptedPerSecond: number;
  deliveriesPerSecond: number;
  engineCores: number;
  postgresCores: number;
  engineRssMb: number;
}

/** Cores (CPU seconds per second) and memory a shape needs, by the model. */
export function size(model: CostModel, rates: Rates, shape: LoadShape): Sizing {
  const bidders = shape.rooms * shape.biddersPerRoom;
  const sockets = bidders + shape.idleSockets;
  const answeredPerSecond = bidders * rates.answeredPerBidderPerSecond;
  const acceptedPerSecond = Math.min(answeredPerSecond, shape.rooms * rates.acceptedPerRoomPerSecond);
  const deliveriesPerSecond = acceptedPerSecond * shape.biddersPerRoom;
  const perSecond = {
    answered: answeredPerSecond,
    accepted: acceptedPerSecond,
    deliveries: deliveriesPerSecond,
    socketMinutes: sockets / 60,
    seconds: 1,
  };
  return {
    shape,
    answeredPerSecond,
    acceptedPerSecond,
    deliveriesPerSecond,
    engineCores: predictEngineCpuMs(model, perSecond) / 1000,
    postgresCores: predictPostgresCpuMs(model, perSecond) / 1000,
    engineRssMb: rates.baseRssMb + sockets * rates.rssMbPerSocket,
  };
}
