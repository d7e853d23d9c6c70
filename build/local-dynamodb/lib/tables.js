'use strict'
// Promise helpers over dynalite's table metadata store, and the view of a table that clients see.
const errors = require('./errors')

function tables (store) {
  const tableDb = store.tableDb

  function get (name) {
    return new Promise((resolve, reject) =>
      store.getTable(name, false, (err, table) => err ? reject(err) : resolve(table)))
  }

  function put (name, table) {
    return new Promise((resolve, reject) => tableDb.put(name, table, (err) => err ? reject(err) : resolve()))
  }

  // dynalite serialises its own metadata changes with this per-table lock; ours take it too.
  function withLock (name, work) {
    return new Promise((resolve, reject) => {
      tableDb.lock(name, (release) => {
        const done = release((err, value) => err ? reject(err) : resolve(value))
        Promise.resolve().then(work).then((value) => done(null, value), done)
      })
    })
  }

  // Changes the table after `delayMs` (never when negative), re-reading it under the lock so that
  // concurrent changes are not lost. A table deleted meanwhile is left alone.
  function later (name, delayMs, change) {
    if (delayMs < 0) return
    setTimeout(() => {
      withLock(name, async () => {
        const table = await get(name)
        await change(table)
        await put(name, table)
      }).catch((err) => {
        if (!err.body && !/Database is (not open|closed)/.test(err.message)) console.error(err.stack || err)
      })
    }, delayMs)
  }

  async function getActive (name) {
    const table = await get(name)
    const busyIndex = (table.GlobalSecondaryIndexes || []).find((index) => index.IndexStatus !== 'ACTIVE')
    if (table.TableStatus !== 'ACTIVE') {
      throw errors.resourceInUse(`Attempt to change a resource which is still in use: Table is in ${table.TableStatus} state: ${name}`)
    }
    return { table, busyIndex }
  }

  return { get, put, withLock, later, getActive }
}

// The key attributes of an item, as Key parameters and stream records take them.
function keyOf (item, table) {
  return Object.fromEntries(table.KeySchema.map((k) => [ k.AttributeName, item[k.AttributeName] ]))
}

// Attribute maps compared whatever the order of their names.
function sorted (value) {
  if (Array.isArray(value)) return value.map(sorted)
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [ k, sorted(value[k]) ]))
  return value
}

// True when a write left the item as it was (both present and equal).
const sameItem = (oldItem, newItem) => !!oldItem && !!newItem && JSON.stringify(sorted(oldItem)) === JSON.stringify(sorted(newItem))

// Our extra state lives in the table record under names starting with '_': never shown to clients.
function publicView (table) {
  return Object.fromEntries(Object.entries(table).filter(([ key ]) => !key.startsWith('_')))
}

module.exports = { tables, publicView, keyOf, sorted, sameItem }
