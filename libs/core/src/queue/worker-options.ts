/**
 * BullMQ worker settings for 2 cores. The stall settings are BullMQ's defaults, stated:
 * a worker renews its job locks every 15 s (lockDuration 30 s); every 30 s workers move
 * jobs whose lock expired (a crashed process) back to waiting, once; a job that stalls a
 * second time fails and stays in the failed set. `autorun: false`: the worker starts
 * processing only once the whole application is up (WorkerLifecycle starts it).
 */
export const DEFAULT_WORKER_OPTIONS = {
  concurrency: 4,
  lockDuration: 30_000,
  stalledInterval: 30_000,
  maxStalledCount: 1,
  autorun: false,
} as const;
