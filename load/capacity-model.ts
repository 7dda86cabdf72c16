/**
 * The capacity model of docs/capacity.md, solved from measured runs:
 * auction-engine CPU (ms) = a·B + d·D + s·M + t·T, PostgreSQL CPU (ms) = p·B + q·T,
 * with B answered bids, D broadcast deliveries, M socket-minutes and T seconds of the run.
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
  /** Engine CPU ms per answered bid, per delivery, per socket-minute. */
  a: number;
  d: number;
  s: number;
  /** Engine CPU ms per second of background work (the replicas' polls, timers, health checks), whether anyone bids. */
  t: number;
  /** PostgreSQL CPU ms per answered bid, and per second of background work (polling, health checks). */
  p: number;
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
 * The engine's four costs and PostgreSQL's two, each by least squares over the calibration
 * runs. The runs should differ in bids per delivery (room sizes) and in sockets per bid (idle
 * sockets): where deliveries grow in step with bids the two cannot be told apart.
 */
export function solveModel(calibration: Observation[]): CostModel {
  const [a, d, s, t] = leastSquares(
    calibration.map((o) => [o.answered, o.deliveries, o.socketMinutes, o.seconds]),
    calibration.map((o) => o.engineCpuMs),
  );
  const [p, q] = leastSquares(
    calibration.map((o) => [o.answered, o.seconds]),
    calibration.map((o) => o.postgresCpuMs),
  );
  return { a: a!, d: d!, s: s!, t: t!, p: p!, q: q! };
}

export function predictEngineCpuMs(
  model: CostModel,
  o: Pick<Observation, 'answered' | 'deliveries' | 'socketMinutes' | 'seconds'>,
): number {
  return model.a * o.answered + model.d * o.deliveries + model.s * o.socketMinutes + model.t * o.seconds;
}

export function predictPostgresCpuMs(model: CostModel, o: Pick<Observation, 'answered' | 'seconds'>): number {
  return model.p * o.answered + model.q * o.seconds;
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
  const deliveriesPerSecond = shape.rooms * rates.acceptedPerRoomPerSecond * shape.biddersPerRoom;
  const perSecond = { answered: answeredPerSecond, deliveries: deliveriesPerSecond, socketMinutes: sockets / 60, seconds: 1 };
  return {
    shape,
    answeredPerSecond,
    deliveriesPerSecond,
    engineCores: predictEngineCpuMs(model, perSecond) / 1000,
    postgresCores: predictPostgresCpuMs(model, perSecond) / 1000,
    engineRssMb: rates.baseRssMb + sockets * rates.rssMbPerSocket,
  };
}
