// Preloaded with `node --import` by the lazy-loading test: records every module the process
// imports and, at exit, writes their URLs (one per line) to the file named by CANVASS_MODULE_TRACE,
// followed by the Node built-in modules it loaded (node:name), which import hooks do not all see
// (a require() from bundled CommonJS code, say).
import { writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
port1.unref();
register('./module-trace-hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });

process.on('exit', () => {
  const urls = [];
  // The hooks run on another thread: take whatever they have posted, synchronously.
  for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) urls.push(m.message);
  for (const entry of process.moduleLoadList) {
    if (entry.startsWith('NativeModule ') && !entry.startsWith('NativeModule internal/')) urls.push(`node:${entry.slice(13)}`);
  }
  writeFileSync(process.env.CANVASS_MODULE_TRACE, urls.join('\n'));
});
