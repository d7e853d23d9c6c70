'use strict'
// Isolation as AWS documents it for transactions: a transaction never interleaves with a single-item write or GetItem,
// nor with another transaction. Single-item operations hold the lock shared (they run beside each other, dynalite
// locking each item); transactions hold it alone. Waiters are served in arrival order, so neither side starves.
const { AsyncLocalStorage } = require('async_hooks')

function createItemLock () {
  // Set inside each holder's work: whether it holds the lock alone.
  const alone = new AsyncLocalStorage()
  let sharedHolders = 0
  let exclusiveHeld = false
  const waiting = []

  function grant () {
    while (waiting.length) {
      const next = waiting[0]
      if (next.exclusive ? exclusiveHeld || sharedHolders > 0 : exclusiveHeld) return
      waiting.shift()
      if (next.exclusive) exclusiveHeld = true
      else sharedHolders++
      next.start()
    }
  }

  function hold (exclusive, work) {
    return new Promise((resolve, reject) => {
      waiting.push({
        exclusive,
        start () {
          Promise.resolve().then(() => alone.run(exclusive, work)).then(resolve, reject).finally(() => {
            if (exclusive) exclusiveHeld = false
            else sharedHolders--
            grant()
          })
        },
      })
      grant()
    })
  }

  return { shared: (work) => hold(false, work), exclusive: (work) => hold(true, work), heldAlone: () => alone.getStore() === true }
}

module.exports = { createItemLock }
