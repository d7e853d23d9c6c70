#!/usr/bin/env node
'use strict'
// Starts the local DynamoDB. Usage: node server.js [--port 8000] [--path DIR] [--profile realistic|instant]
//   [--create-ms N --update-ms N --delete-ms N --index-ms N] [--admin] [--ready-file FILE] [--ttl-sweep-ms N (0: never)]
//   [--parent-pid N (stop when that process is gone)]
const fs = require('fs')
const { parseArgs } = require('util')
const { createLocalDynamoDb, PROFILES } = require('./lib/server')

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.DYNATUS_LOCAL_PORT || '8000' },
    path: { type: 'string' },
    profile: { type: 'string', default: 'realistic' },
    'create-ms': { type: 'string' },
    'update-ms': { type: 'string' },
    'delete-ms': { type: 'string' },
    'index-ms': { type: 'string' },
    admin: { type: 'boolean', default: false },
    'ready-file': { type: 'string' },
    'ttl-sweep-ms': { type: 'string', default: '5000' },
    'parent-pid': { type: 'string' },
  },
})

if (!PROFILES[values.profile]) {
  console.error(`Unknown --profile ${values.profile}: use ${Object.keys(PROFILES).join(' or ')}`)
  process.exit(2)
}
const delays = {}
for (const kind of [ 'create', 'update', 'delete', 'index' ]) {
  if (values[`${kind}-ms`] != null) delays[kind] = Number(values[`${kind}-ms`])
}

const local = createLocalDynamoDb({ path: values.path, profile: values.profile, delays, admin: values.admin, ttlSweepMs: Number(values['ttl-sweep-ms']) })
local.listen(Number(values.port)).then((endpoint) => {
  console.log(`Local DynamoDB listening on ${endpoint} (${values.path ? 'data in ' + values.path : 'in memory'}, ${values.profile} delays${values.admin ? ', admin routes on' : ''})`)
  if (values['ready-file']) fs.writeFileSync(values['ready-file'], endpoint)
}, (err) => {
  console.error(err.code === 'EADDRINUSE'
    ? `Port ${values.port} is in use: another local DynamoDB may be running. Stop it, or pass --port.`
    : err.message)
  process.exit(1)
})

let stopping = false
function stop () {
  if (stopping) process.exit(1)
  stopping = true
  local.close().then(() => process.exit(0))
}
for (const signal of [ 'SIGINT', 'SIGTERM' ]) process.on(signal, stop)

// A program that starts the server for itself (a test host, an application) may be killed before it can stop it:
// the server then stops on its own instead of holding its port and memory with nobody to use it.
if (values['parent-pid']) {
  const parent = Number(values['parent-pid'])
  setInterval(() => {
    try { process.kill(parent, 0) }
    catch (err) { if (err.code === 'ESRCH') stop() }
  }, 1000).unref()
}
