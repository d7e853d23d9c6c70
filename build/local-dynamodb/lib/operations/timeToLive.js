'use strict'
// UpdateTimeToLive and DescribeTimeToLive, with AWS's limit of one change a table an hour. A global table's replicas
// share it: a change in one region is made in the others (ack-api-quirks' DynamoDB replica notes).
const errors = require('../errors')
const replicas = require('./replicas')

const ONE_HOUR_MS = 3600 * 1000

async function updateTimeToLive (ctx, data) {
  const spec = data.TimeToLiveSpecification
  return ctx.tables.withLock(data.TableName, async () => {
    const { table } = await ctx.tables.getActive(data.TableName)
    const ttl = table._ttl || { enabled: false }
    if (spec.Enabled && ttl.enabled) throw errors.validation('TimeToLive is already enabled')
    if (!spec.Enabled && !ttl.enabled) throw errors.validation('TimeToLive is already disabled')
    if (!spec.Enabled && ttl.attributeName !== spec.AttributeName) {
      throw errors.validation(`TimeToLive is active on a different AttributeName: current AttributeName is ${ttl.attributeName}`)
    }
    if (ttl.changedAt != null && ctx.clock.now() - ttl.changedAt < ONE_HOUR_MS) {
      throw errors.validation('Time to live has been modified multiple times within a fixed interval')
    }
    table._ttl = { enabled: spec.Enabled, attributeName: spec.AttributeName, changedAt: ctx.clock.now() }
    await ctx.tables.put(table.TableName, table)
    for (const { RegionName } of table.Replicas || []) {
      const replica = ctx.regionOf(RegionName)
      replicas.inBackground(() => replica.tables.withLock(table.TableName, async () => {
        const current = await replica.tables.get(table.TableName)
        current._ttl = { ...table._ttl }
        await replica.tables.put(table.TableName, current)
      }))
    }
    return { TimeToLiveSpecification: { AttributeName: spec.AttributeName, Enabled: spec.Enabled } }
  })
}

async function describeTimeToLive (ctx, data) {
  const table = await ctx.tables.get(data.TableName)
  const ttl = table._ttl
  if (!ttl) return { TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } }
  return { TimeToLiveDescription: { TimeToLiveStatus: ttl.enabled ? 'ENABLED' : 'DISABLED', AttributeName: ttl.attributeName } }
}

module.exports = { updateTimeToLive, describeTimeToLive }
