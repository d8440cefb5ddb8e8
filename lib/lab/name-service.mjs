#!/usr/bin/env node
// A lab service: answers every TCP connection and every UDP datagram on PORT with one line,
// `NAME: <first line received>`, so a client can tell which service it reached.
// Usage: node name-service.mjs NAME PORT PIDFILE   (PIDFILE is written once both sockets listen)
import { createServer } from 'node:net';
import { createSocket } from 'node:dgram';
import { renameSync, writeFileSync } from 'node:fs';

const [name, portText, pidFile] = process.argv.slice(2);
const port = Number(portText);
if (!name || !Number.isInteger(port) || port < 1 || port > 65535 || !pidFile) {
  process.stderr.write('usage: name-service.mjs NAME PORT PIDFILE\n');
  process.exit(2);
}

const answerTo = (received) => `${name}: ${received.split('\n')[0].replace(/\r$/, '')}\n`;

const tcp = createServer({ allowHalfOpen: true }, (socket) => {
  let received = '';
  let answered = false;
  const answer = () => {
    if (answered) return;
    answered = true;
    socket.end(answerTo(received));
  };
  socket.setEncoding('utf8');
  socket.setTimeout(10_000, () => socket.destroy());
  socket.on('data', (chunk) => {
    received += chunk;
    if (received.includes('\n')) answer();
  });
  socket.on('end', answer);
  socket.on('error', () => socket.destroy());
});

const udp = createSocket('udp4');
udp.on('message', (msg, from) => udp.send(answerTo(msg.toString('utf8')), from.port, from.address));

let listening = 0;
const ready = () => {
  if (++listening < 2) return;
  // Written last and renamed into place: its appearance means "listening on TCP and UDP".
  writeFileSync(`${pidFile}.tmp`, `${process.pid}\n`);
  renameSync(`${pidFile}.tmp`, pidFile);
};
tcp.listen(port, '0.0.0.0', ready);
udp.bind(port, '0.0.0.0', ready);

const stop = () => {
  tcp.close();
  udp.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
