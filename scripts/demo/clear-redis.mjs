// Deletes the demo's Redis keys (its QUEUE_PREFIX) on `npm run demo -- reset`, so that a new
// database does not meet the queues, counters and job ids of the old one.
//   node scripts/demo/clear-redis.mjs "$REDIS_URL" "${QUEUE_PREFIX:-rilon}"
import { Redis } from 'ioredis';

const [url, prefix = 'rilon'] = process.argv.slice(2);
const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000 });
redis.on('error', () => undefined);
try {
  await redis.connect();
  let cursor = '0';
  let removed = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) removed += await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  process.stderr.write(`rilon: removed ${removed} Redis keys under ${prefix}:\n`);
} catch (error) {
  process.stderr.write(`rilon: could not clear Redis (${error.message}); continuing\n`);
} finally {
  redis.disconnect();
}
