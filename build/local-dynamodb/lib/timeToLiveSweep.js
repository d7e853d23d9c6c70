'use strict'
// Deletes the expired items of tables with TTL on, as AWS's background process does, every few seconds instead of
// within days. An item expires when its TTL attribute is a top-level Number, an epoch time in seconds before now and no
// more than five years before it; any other item is ignored
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-before-you-start.html).
const { tableNames } = require('./tableNames')
const { keyOf } = require('./tables')

const FIVE_YEARS_S = 5 * 365 * 24 * 3600

function startTimeToLiveSweep (ctx, intervalMs) {
  if (!(intervalMs > 0)) return { stop () {} }
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    sweep(ctx).catch((err) => {
      if (!/Database is (not open|closed)/.test(err.message)) console.error(err.stack || err)
    }).finally(() => { running = false })
  }, intervalMs)
  timer.unref()
  return { stop () { clearInterval(timer) } }
}

async function sweep (ctx) {
  for (const name of await tableNames(ctx)) {
    let table
    try { table = await ctx.tables.get(name) } catch (err) { if (err.body) continue; throw err }
    const ttl = table._ttl
    if (!ttl || !ttl.enabled || table.TableStatus !== 'ACTIVE') continue
    await sweepTable(ctx, table, ttl.attributeName)
  }
}

async function sweepTable (ctx, table, attribute) {
  const nowS = ctx.clock.now() / 1000
  let start
  do {
    const page = await ctx.dynalite.run('Scan', ctx.dynalite.validate('Scan', { TableName: table.TableName, ExclusiveStartKey: start }))
    for (const item of page.Items) {
      const value = item[attribute]
      const at = value && value.N != null ? Number(value.N) : NaN
      if (!(at < nowS && at >= nowS - FIVE_YEARS_S)) continue
      const Key = keyOf(item, table)
      try {
        // Only if the item still expires then: an update that moved its TTL since the scan keeps it.
        await ctx.itemLock.shared(() => ctx.streams.asService(table.TableName, Key, () => ctx.dynalite.run('DeleteItem', ctx.dynalite.validate('DeleteItem', {
          TableName: table.TableName,
          Key,
          ConditionExpression: '#ttl = :expires',
          ExpressionAttributeNames: { '#ttl': attribute },
          ExpressionAttributeValues: { ':expires': value },
        }))))
      } catch (err) {
        if (!(err.body && /ConditionalCheckFailed|ResourceNotFound/.test(err.body.__type))) throw err
      }
    }
    start = page.LastEvaluatedKey
  } while (start)
}

module.exports = { startTimeToLiveSweep }
