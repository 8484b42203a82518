// The demo's mail sink: a plain SMTP server on loopback that accepts every message and
// writes it to <dir>/<time>-<n>.eml, so that invitation and alert mails can be read.
//   node scripts/demo/mail-sink.mjs <port> <dir>
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

const port = Number(process.argv[2] ?? 1025);
const dir = process.argv[3] ?? '.data/mail';
mkdirSync(dir, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  // Plain SMTP only: nodemailer would otherwise try to upgrade with a certificate we lack.
  disabledCommands: ['STARTTLS'],
  banner: 'RILON demo mail sink',
  size: 10 * 1024 * 1024,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      count += 1;
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = join(dir, `${stamp}-${String(count).padStart(4, '0')}.eml`);
      writeFileSync(file, Buffer.concat(chunks));
      const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
      process.stdout.write(`${new Date().toISOString()} mail to ${to} -> ${file}\n`);
      callback();
    });
  },
});

server.on('error', (error) => process.stderr.write(`mail-sink: ${error.message}\n`));
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`mail-sink: listening on smtp://127.0.0.1:${port}, writing to ${dir}\n`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
