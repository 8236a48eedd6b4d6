// The PouchDB peer of matome-wire-bench: the same cells as one document per
// entry (row x department) with its fields, pushed to and pulled from
// express-pouchdb on leveldb with PouchDB's own replication, over HTTP on
// 127.0.0.1. The server runs in a process of its own, as matome-server does.
//
// Usage: node peer.js --rows N --departments N --fields N
// Prints one JSON object: push and pull seconds, the documents and cells.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const PouchDB = require('pouchdb-node');

const option = (name, fallback) => {
  const at = process.argv.indexOf('--' + name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const rows = option('rows', 2000), departments = option('departments', 10), fields = option('fields', 12);
const value = '講座を年間12回開催し、延べ320人が参加した。参加者アンケートでは満足度が高かった。';

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matome-pouchdb-'));
  const server = spawn(process.execPath, [path.join(__dirname, 'server.js'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    server.stdout.once('data', (d) => resolve(Number(String(d).trim())));
    server.once('exit', () => reject(new Error('express-pouchdb did not start')));
  });
  const url = `http://127.0.0.1:${port}/bench`;
  try {
    // The documents are made beforehand, as matome-wire-bench makes its requests.
    const local = new PouchDB(path.join(dir, 'local'));
    const docs = [];
    for (let r = 0; r < rows; ++r)
      for (let d = 0; d < departments; ++d) {
        const doc = { _id: `r${r}-d${d}`, year: 2024 };
        for (let f = 0; f < fields; ++f) doc['f' + f] = value;
        docs.push(doc);
      }
    for (let i = 0; i < docs.length; i += 1000) await local.bulkDocs(docs.slice(i, i + 1000));

    let start = process.hrtime.bigint();
    await local.replicate.to(url);
    const push = Number(process.hrtime.bigint() - start) / 1e9;

    const fresh = new PouchDB(path.join(dir, 'pulled'));
    start = process.hrtime.bigint();
    await fresh.replicate.from(url);
    const pull = Number(process.hrtime.bigint() - start) / 1e9;
    const pulled = (await fresh.info()).doc_count;
    if (pulled !== docs.length) throw new Error(`pulled ${pulled} of ${docs.length} documents`);
    console.log(JSON.stringify({ peer: 'pouchdb', docs: docs.length, cells: docs.length * fields, push_s: push, pull_s: pull }));
  } finally {
    server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error('pouchdb peer: ' + e.message); process.exit(1); });
