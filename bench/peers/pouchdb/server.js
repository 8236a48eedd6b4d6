// express-pouchdb on leveldb, on 127.0.0.1 at a free port: the PouchDB
// peer's server. Prints the port on its first line; serves until killed.
const path = require('path');
const express = require('express');
const PouchDB = require('pouchdb-node');

const dir = process.argv[2];
const Remote = PouchDB.defaults({ prefix: path.join(dir, 'server-') });
const app = express();
app.use('/', require('express-pouchdb')(Remote, { mode: 'minimumForPouchDB', logPath: path.join(dir, 'log.txt') }));
const listener = app.listen(0, '127.0.0.1', () => console.log(listener.address().port));
