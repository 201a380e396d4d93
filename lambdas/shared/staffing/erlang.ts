/**
 * Queueing models for staffing one interval: Erlang C (M/M/N, callers wait for ever) and
 * Erlang A (M/M/N+M, callers hang up after an exponentially distributed patience; Garnett,
 * Mandelbaum and Reiman 2002). Both are computed without factorials or powers, so they stay
 * finite for hundreds of agents: Erlang B by its recurrence, Erlang A from the birth-death
 * chain's ratios in log space.
 */

export interface IntervalLoad {
  /** Calls offered in the interval. */
  readonly calls: number;
  readonly intervalSeconds: number;
  /** Average handle time (talk, hold and after-contact work). */
  readonly ahtSeconds: number;
  /** Mean time a caller waits before hanging up; omitted for Erlang C (nobody hangs up). */
  readonly patienceSeconds?: number;
}

export interface ServiceTarget {
  /** Share of calls to answer within `withinSeconds`, 0-1 (e.g. 0.8). */
  readonly serviceLevel: number;
  readonly withinSeconds: number;
  /** Highest share of time an agent may be busy, 0-1. @default 1 */
  readonly maxOccupancy?: number;
}

export interface StaffingFigures {
  readonly agents: number;
  /** Probability that a caller waits at all. */
  readonly probabilityOfWaiting: number;
  /** Share of all calls answered within the target time (Erlang A: abandons count against it). */
  readonly serviceLevel: number;
  /** Average speed of answer of the calls answered. */
  readonly asaSeconds: number;
  /** Share of agents' time spent handling calls. */
  readonly occupancy: number;
  /** Share of callers who hang up while waiting (0 for Erlang C). */
  readonly abandonment: number;
}

/** Offered traffic in Erlangs. */
export const trafficIntensity = ({ calls, intervalSeconds, ahtSeconds }: IntervalLoad): number =>
  (calls * ahtSeconds) / intervalSeconds;

/** Erlang B blocking probability for `agents` servers at `traffic` Erlangs (recurrence, no factorials). */
export const erlangB = (agents: number, traffic: number): number => {
  let blocking = 1;
  for (let n = 1; n <= agents; n++) blocking = (traffic * blocking) / (n + traffic * blocking);
  return blocking;
};

/** Erlang C: every caller waits until answered. Needs more agents than Erlangs to be stable. */
export const erlangC = (
  agents: number,
  load: IntervalLoad,
  withinSeconds: number,
): StaffingFigures => {
  const traffic = trafficIntensity(load);
  if (agents <= traffic)
    return {
      agents,
      probabilityOfWaiting: 1,
      serviceLevel: 0,
      asaSeconds: Infinity,
      occupancy: 1,
      abandonment: 0,
    };
  const blocking = erlangB(agents, traffic);
  const probabilityOfWaiting = (agents * blocking) / (agents - traffic * (1 - blocking));
  const spare = agents - traffic;
  return {
    agents,
    probabilityOfWaiting,
    serviceLevel: 1 - probabilityOfWaiting * Math.exp((-spare * withinSeconds) / load.ahtSeconds),
    asaSeconds: (probabilityOfWaiting * load.ahtSeconds) / spare,
    occupancy: traffic / agents,
    abandonment: 0,
  };
};

/** Queue lengths beyond which the chain's probability is negligible (relative to its peak). */
const NEGLIGIBLE_LOG = Math.log(1e-16);

/**
 * Erlang A. The stationary distribution of the number in system comes from the birth-death
 * ratios (arrivals λ; departures min(k,N)μ + max(k−N,0)θ); an arriving caller sees it (PASTA).
 * A caller with j ahead is answered after j+1 exponential stages of rate Nμ + iθ unless their
 * own patience runs out first; the chance of that within t is found by uniformization.
 */
export const erlangA = (
  agents: number,
  load: IntervalLoad,
  withinSeconds: number,
): StaffingFigures => {
  const patience = load.patienceSeconds;
  if (patience === undefined || !(patience > 0)) throw new RangeError('Erlang A needs a patience');
  const arrivalRate = load.calls / load.intervalSeconds;
  const serviceRate = 1 / load.ahtSeconds;
  const abandonRate = 1 / patience;
  const departures = (k: number) =>
    Math.min(k, agents) * serviceRate + Math.max(k - agents, 0) * abandonRate;

  // log π_k up to where the tail is negligible; the abandon term makes the chain always stable.
  const logWeights: number[] = [0];
  let peak = 0;
  for (let k = 1, previous = 0; ; k++) {
    const next = previous + Math.log(arrivalRate) - Math.log(departures(k));
    logWeights.push(next);
    previous = next;
    peak = Math.max(peak, next);
    if (k > agents && next - peak < NEGLIGIBLE_LOG) break;
  }
  const total = logWeights.reduce((sum, w) => sum + Math.exp(w - peak), 0);
  const seen = logWeights.map((w) => Math.exp(w - peak) / total);
  const probabilityOfWaiting = seen.slice(agents).reduce((sum, p) => sum + p, 0);

  // Tagged caller finding j ahead: stage rates Nμ + iθ (i = j..0) towards service, θ to abandon.
  const queued = seen.slice(agents);
  const stageRate = (ahead: number) => agents * serviceRate + ahead * abandonRate;
  // Probability of being answered at all, and the mean wait of those answered.
  let answered = 0;
  let answeredWait = 0;
  queued.forEach((p, ahead) => {
    let reach = 1;
    let meanToReach = 0;
    for (let i = ahead; i >= 0; i--) {
      const rate = stageRate(i);
      const leave = rate + abandonRate;
      meanToReach += 1 / leave;
      reach *= rate / leave;
    }
    answered += p * reach;
    // Given answered, each stage lasts Exp(leave): the mean is the sum of 1/leave.
    answeredWait += p * reach * meanToReach;
  });

  // Answered within t: uniformize the tagged caller's chain (states: j ahead ... 0, answered, gone).
  const maxRate = stageRate(queued.length) + abandonRate;
  const steps = maxRate * withinSeconds;
  // Poisson weights in log space: e^-steps underflows for busy centres and long targets.
  const lastStep = Math.ceil(steps + 12 * Math.sqrt(steps) + 30);
  let state = queued.slice();
  let answeredWithin = 0;
  let absorbed = 0;
  let logPoisson = -steps;
  for (let n = 0; n <= lastStep; n++) {
    if (n > 0) {
      // Each caller stays (self-loop), moves one place up, is answered, or hangs up (dropped).
      const next = state.map(
        (p, ahead) => (p * (maxRate - stageRate(ahead) - abandonRate)) / maxRate,
      );
      state.forEach((p, ahead) => {
        const moved = (p * stageRate(ahead)) / maxRate;
        if (ahead === 0) absorbed += moved;
        else next[ahead - 1] = (next[ahead - 1] ?? 0) + moved;
      });
      state = next;
      logPoisson += Math.log(steps) - Math.log(n);
    }
    answeredWithin += Math.exp(logPoisson) * absorbed;
  }
  const immediately = 1 - probabilityOfWaiting;
  const abandonment = probabilityOfWaiting - answered;
  return {
    agents,
    probabilityOfWaiting,
    serviceLevel: immediately + answeredWithin,
    asaSeconds: answeredWait / (immediately + answered),
    occupancy: (arrivalRate * (1 - abandonment)) / (agents * serviceRate),
    abandonment,
  };
};

/** Erlang A when a patience is given, Erlang C otherwise. */
export const staffingFigures = (agents: number, load: IntervalLoad, withinSeconds: number) =>
  load.patienceSeconds === undefined
    ? erlangC(agents, load, withinSeconds)
    : erlangA(agents, load, withinSeconds);

/**
 * The least agents meeting the service level and the occupancy cap, with their figures. No
 * calls need no agents.
 */
export const agentsNeeded = (load: IntervalLoad, target: ServiceTarget): StaffingFigures => {
  const maxOccupancy = target.maxOccupancy ?? 1;
  if (load.calls <= 0)
    return {
      agents: 0,
      probabilityOfWaiting: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: 0,
      abandonment: 0,
    };
  const traffic = trafficIntensity(load);
  // Erlang C needs more agents than Erlangs; with abandons fewer can be stable, never half.
  let agents = Math.max(
    1,
    load.patienceSeconds === undefined ? Math.floor(traffic) : Math.floor(traffic / 2),
  );
  for (;;) {
    const figures = staffingFigures(agents, load, target.withinSeconds);
    if (figures.serviceLevel >= target.serviceLevel && figures.occupancy <= maxOccupancy)
      return figures;
    agents++;
  }
};
