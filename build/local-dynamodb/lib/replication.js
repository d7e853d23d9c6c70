'use strict'
// Global tables' replication (version 2019.11.21): an item written in one replica reaches every other replica shortly
// after (DELAY_MS), in the order of its writes, as AWS replicates asynchronously; the last writer wins. A multi-Region
// strongly consistent table's write has reached every replica when it returns, so that a strongly consistent read in
// any region sees it; but a transaction's write is queued like the others: it holds its region's item lock alone, and two
// regions' transactions would wait for each other's lock forever. A replicated
// write shows in the replica's stream like any other write, and is not sent back (nor is a write that changes nothing,
// in case the marker is lost on the way through dynalite's locks).
const { AsyncLocalStorage } = require('async_hooks')
const { keyOf } = require('./tables')

const DELAY_MS = 100
const replicating = new AsyncLocalStorage()

function createReplication (regionOf) {
  // One queue a table of a region, so that the writes of one item reach the others in order.
  const queues = new Map()

  // Called, and awaited, after every item write of every region with its table's record (lib/regions.js). A table
  // without replicas has nothing to send; one that gains a replica later gets its items then (lib/operations/replicas.js).
  async function written (ctx, table, oldItem, newItem) {
    if (replicating.getStore() || !(table.Replicas || []).length) return
    const tableName = table.TableName
    if (table.MultiRegionConsistency === 'STRONG' && !ctx.itemLock.heldAlone()) return sendTo(table, oldItem, newItem)
    const due = Date.now() + DELAY_MS
    const queue = `${ctx.region}/${tableName}`
    const next = (queues.get(queue) || Promise.resolve()).then(async () => {
      const wait = due - Date.now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      await send(ctx, tableName, oldItem, newItem)
    }).catch((err) => {
      if (!/Database is (not open|closed)/.test(err.message)) console.error(err.stack || err)
    })
    queues.set(queue, next)
    next.then(() => { if (queues.get(queue) === next) queues.delete(queue) })
  }

  // Read again when the write is sent: replicas may have come or gone since it was made.
  async function send (ctx, tableName, oldItem, newItem) {
    const table = await ctx.tables.get(tableName).catch(() => null)
    if (table) await sendTo(table, oldItem, newItem)
  }

  // To the replicas the table record (read once by the caller) lists.
  async function sendTo (table, oldItem, newItem) {
    for (const { RegionName } of table.Replicas || []) {
      await copy(regionOf(RegionName), table.TableName, newItem ? { put: newItem } : { del: keyOf(oldItem, table) })
    }
  }

  return { written, copy }
}

// Writes an item into a replica as replication does: a replica not there (yet, or any more) is skipped.
async function copy (target, tableName, { put, del }) {
  const replica = await target.tables.get(tableName).catch(() => null)
  if (!replica || replica.TableStatus === 'CREATING' || replica.TableStatus === 'DELETING') return
  // Marked inside the lock: a lock's waiter runs in the context of whoever released it.
  await target.itemLock.shared(() => replicating.run(true, () => put
    ? target.dynalite.run('PutItem', target.dynalite.validate('PutItem', { TableName: tableName, Item: put }))
    : target.dynalite.run('DeleteItem', target.dynalite.validate('DeleteItem', { TableName: tableName, Key: del }))))
}

module.exports = { createReplication }
