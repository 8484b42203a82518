// HEALTHCHECK of the one image: the API answers /health/ready on PORT, the worker on
// WORKER_HEALTH_PORT; whichever this container runs must say ready.
const ports = [process.env.PORT || '3000', process.env.WORKER_HEALTH_PORT || '3001'];

async function ready(port) {
  const res = await fetch(`http://127.0.0.1:${port}/health/ready`, {
    signal: AbortSignal.timeout(2500),
  });
  return res.ok;
}

let ok = false;
for (const port of ports) {
  try {
    ok = await ready(port);
    break; // this port answered: it is the process of this container
  } catch {
    // nothing listens there: try the other one
  }
}
process.exit(ok ? 0 : 1);
