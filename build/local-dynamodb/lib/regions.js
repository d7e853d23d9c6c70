'use strict'
// The server's regions. Each request is answered by the region it is signed for (the SDKs sign for their client's
// region), and each region has its own tables, items, streams and TTL sweep, as in AWS: a table in us-east-1 is not
// there for a client of eu-west-1. A region is made on its first request. With a data folder, us-east-1 (where every
// table lived before regions) keeps the folder itself and any other region a folder under its regions/ folder.
const fs = require('fs')
const path = require('path')
const dynaliteDb = require('dynalite/db')
const dynalite = require('./dynalite')
const { tables } = require('./tables')
const clock = require('./clock')
const { startTimeToLiveSweep } = require('./timeToLiveSweep')
const { createItemLock } = require('./itemLock')
const { createTransactions } = require('./operations/transactions')
const { createStreams, captureItemWrites } = require('./streams')
const { createPartiQL } = require('./partiql/execute')
const { createReplication } = require('./replication')

const DEFAULT_REGION = 'us-east-1'

// The region of an AWS Signature Version 4 Authorization header: Credential=<key>/<date>/<region>/<service>/aws4_request.
function signingRegion (authorization) {
  const match = /Credential=[^/\s,]+\/\d{8}\/([A-Za-z0-9-]{1,50})\//.exec(authorization || '')
  return match ? match[1] : DEFAULT_REGION
}

function createRegions ({ dataPath, delays, ttlSweepMs }) {
  const regions = new Map()
  const replication = createReplication(get)

  function storePath (region) {
    if (!dataPath || region === DEFAULT_REGION) return dataPath
    const folder = path.join(dataPath, 'regions', region)
    fs.mkdirSync(folder, { recursive: true })
    return folder
  }

  function create (region) {
    const store = dynaliteDb.create({ path: storePath(region), createTableMs: delays.create, deleteTableMs: delays.delete, updateTableMs: delays.update })
    store.tableDb.awsRegion = region
    const ctx = { region, regionOf: get, replication, store, delays, clock, tables: tables(store), dynalite: dynalite.bind(store), itemLock: createItemLock() }
    ctx.transactions = createTransactions(ctx)
    ctx.partiql = createPartiQL(ctx)
    ctx.streams = createStreams(ctx)
    captureItemWrites(store, ctx.tables, async (table, oldItem, newItem) => {
      await ctx.streams.capture(table, oldItem, newItem)
      await replication.written(ctx, table, oldItem, newItem)
    })
    ctx.timeToLive = startTimeToLiveSweep(ctx, ttlSweepMs)
    return ctx
  }

  function get (region) {
    if (!regions.has(region)) regions.set(region, create(region))
    return regions.get(region)
  }

  return {
    get,
    // dynalite's own timers read their delays from each store's options.
    setDelays () {
      for (const ctx of regions.values()) Object.assign(ctx.store.options, { createTableMs: delays.create, deleteTableMs: delays.delete, updateTableMs: delays.update })
    },
    close () {
      return Promise.all([ ...regions.values() ].map((ctx) => {
        ctx.timeToLive.stop()
        return new Promise((resolve) => ctx.store.db.close(() => resolve()))
      }))
    },
  }
}

module.exports = { createRegions, signingRegion, DEFAULT_REGION }
