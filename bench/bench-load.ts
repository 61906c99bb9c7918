import autocannon from 'autocannon';

export type Target = {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  connections: number;
  /** Seconds, for reads. */
  duration?: number;
  /** Total requests, for writes (each one adds rows, so the work is bounded by count). */
  amount?: number;
  /** Says what is wrong with a 2xx answer (e.g. an empty page), or undefined when it is right. */
  check: (status: number, body: string) => string | undefined;
  /** The goals for this target; a figure without one is reported, not judged. */
  budget?: Budget;
};

/** Upper bounds on latency (ms) and lower bounds on throughput (req/s, per backend). */
export type Budget = {
  p50?: number;
  p99?: number;
  rps?: Partial<Record<'PGlite' | 'PostgreSQL', number>>;
};

export type Figures = { p50: number; p99: number; rps: number; requests: number };

/**
 * One sample request first: a benchmark of 404s, 204s or wrong pages would print fast, bogus
 * numbers, so anything but the expected answer stops the run with what came back.
 */
async function preflight(base: string, headers: Record<string, string>, target: Target) {
  const response = await fetch(`${base}${target.path}`, {
    method: target.method,
    headers,
    body: target.body,
  });
  const text = await response.text();
  let problem: string | undefined;
  if (!response.ok || response.status === 204) problem = `HTTP ${response.status}`;
  else {
    try {
      problem = target.check(response.status, text);
    } catch (error) {
      problem = `unreadable body: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  if (problem) {
    throw new Error(
      `${target.name}: ${target.method} ${target.path} answered badly (${problem}): ${text.slice(0, 400)}`,
    );
  }
}

/** Drives one target with autocannon (loopback only) and fails on any non-2xx or error. */
export async function measure(base: string, token: string, target: Target): Promise<Figures> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    accept: 'application/hal+json',
    ...(target.body ? { 'content-type': 'application/json' } : {}),
  };
  await preflight(base, headers, target);
  const result = await autocannon({
    url: `${base}${target.path}`,
    method: target.method,
    headers,
    body: target.body,
    connections: target.connections,
    timeout: 60,
    ...(target.amount ? { amount: target.amount } : { duration: target.duration ?? 10 }),
    ...(target.method === 'GET'
      ? { warmup: { connections: target.connections, duration: 2 } }
      : {}),
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${target.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts ` +
        `(status counts ${JSON.stringify(result.statusCodeStats)}); not reporting these numbers`,
    );
  }
  const completed = result['2xx'];
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: completed / result.duration,
    requests: completed,
  };
}
