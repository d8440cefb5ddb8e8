#!/usr/bin/env node
// The lab's test client, run inside a namespace with `ip netns exec`. Prints JSON lines on stdout.
//   ask  HOST PORT TEXT [--udp] [--timeout MS]   one connection: send TEXT, print {"ok":true,"reply":…} or {"ok":false,"error":…}
//   loop HOST PORT --max N [--pause MS] [--timeout MS]
//                                                new connections one after another (TEXT = conn-<n>), PAUSE ms apart,
//                                                until stdin ends or N are done; one line per connection, with its start time
//   hold HOST PORT [--timeout MS]                connect, print {"connected":true}, send the first stdin line, print the answer
import { connect } from 'node:net';
import { createSocket } from 'node:dgram';
import { createInterface } from 'node:readline';

const [mode, host, portText, ...rest] = process.argv.slice(2);
const port = Number(portText);
const flag = (name, fallback) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : fallback;
};
const timeoutMs = Number(flag('--timeout', '5000'));
const print = (doc) => process.stdout.write(`${JSON.stringify(doc)}\n`);

/** Opens one TCP connection; `send` is called once connected and returns the text to send. */
function tcpExchange(send) {
  return new Promise((resolve) => {
    let data = '';
    let done = false;
    const socket = connect({ host, port });
    const finish = (result) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const arm = () => setTimeout(() => finish({ ok: false, error: 'timeout' }), timeoutMs);
    let timer = arm();
    socket.setEncoding('utf8');
    socket.on('connect', async () => {
      clearTimeout(timer); // a held connection waits for its text without a deadline
      const text = await send();
      timer = arm();
      if (!done) socket.end(`${text}\n`);
    });
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => finish(data ? { ok: true, reply: data.replace(/\n$/, '') } : { ok: false, error: 'closed without an answer' }));
    socket.on('error', (err) => finish({ ok: false, error: err.code ?? err.message }));
  });
}

function udpExchange(text) {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const finish = (result) => {
      clearTimeout(timer);
      socket.close();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, error: 'timeout' }), timeoutMs);
    socket.on('message', (msg) => finish({ ok: true, reply: msg.toString('utf8').replace(/\n$/, '') }));
    socket.on('error', (err) => finish({ ok: false, error: err.code ?? err.message }));
    socket.send(`${text}\n`, port, host);
  });
}

async function loop() {
  const max = Number(flag('--max', '1000'));
  const pauseMs = Number(flag('--pause', '0'));
  let stopped = false;
  process.stdin.on('data', () => undefined);
  process.stdin.on('end', () => (stopped = true));
  process.stdin.on('close', () => (stopped = true));
  for (let n = 1; n <= max && !stopped; n++) {
    const started = Date.now();
    print({ n, started, ...(await tcpExchange(() => `conn-${n}`)) });
    if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  process.exit(0);
}

async function hold() {
  const lines = createInterface({ input: process.stdin });
  const firstLine = new Promise((resolve) => lines.once('line', resolve));
  print(await tcpExchange(async () => {
    print({ connected: true });
    return firstLine;
  }));
  process.exit(0);
}

if (!host || !Number.isInteger(port)) {
  process.stderr.write('usage: lab-client.mjs ask|loop|hold HOST PORT …\n');
  process.exit(2);
} else if (mode === 'ask') {
  const text = rest[0] ?? '';
  print(await (rest.includes('--udp') ? udpExchange(text) : tcpExchange(() => text)));
} else if (mode === 'loop') {
  await loop();
} else if (mode === 'hold') {
  await hold();
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
