'use strict'
// UpdateTable as AWS does it: billing mode, throughput, GSI create/update/delete (one create or delete
// a call, with CREATING + Backfilling, then ACTIVE), stream, SSE, table class, deletion protection,
// on-demand and warm throughput; refused while the table is not ACTIVE.
const errors = require('../errors')
const settings = require('./tableSettings')
const { publicView } = require('../tables')
const indexes = require('./globalSecondaryIndexes')
const replicas = require('./replicas')

const MAX_CAPACITY = 1000000000000
const ONE_INDEX = 'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table'

module.exports = async function updateTable (ctx, data) {
  if ((data.ReplicaUpdates || []).length || (data.GlobalTableWitnessUpdates || []).length || data.MultiRegionConsistency != null) {
    if (hasAnyChange(data)) throw errors.validation('One or more parameter values were invalid: ReplicaUpdates cannot be combined with other changes in one UpdateTable request')
    return replicas.updateReplicas(ctx, data)
  }
  if (!hasAnyChange(data)) {
    // AWS's wording, as dynalite's suite recorded it: it lists fewer settings than UpdateTable takes.
    throw errors.validation('At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required')
  }
  return change(ctx, data, true)
}

// The settings a global table's replicas share, as measured against AWS (ack-api-quirks' DynamoDB replica notes): index
// adds and deletes, billing and throughput, SSE and table class are made in every replica once the region asked has
// taken them. Deletion protection stays in its region, and the stream cannot change while there are replicas.
const SHARED = [ 'AttributeDefinitions', 'BillingMode', 'ProvisionedThroughput', 'GlobalSecondaryIndexUpdates', 'SSESpecification', 'TableClass', 'OnDemandThroughput', 'WarmThroughput' ]

async function change (ctx, data, spreads) {
  return ctx.tables.withLock(data.TableName, async () => {
    const { table, busyIndex } = await ctx.tables.getActive(data.TableName)
    const gsiUpdates = data.GlobalSecondaryIndexUpdates || []
    const structural = gsiUpdates.filter((u) => u.Create || u.Delete)
    if (structural.length > 1 || (structural.length && busyIndex)) throw errors.limitExceeded(ONE_INDEX)
    if (structural.length && data.ProvisionedThroughput) {
      throw errors.validation('One or more parameter values were invalid: ProvisionedThroughput cannot be updated in the same request as a global secondary index creation or deletion')
    }

    const tableUpdating = []
    // New capacities show once the update is done, as in AWS; until then the table reports the old ones.
    const pendingThroughput = []
    applyBilling(table, data, gsiUpdates, tableUpdating, pendingThroughput, ctx.clock.now() / 1000)
    if (data.StreamSpecification) applyStream(ctx, table, data.StreamSpecification, tableUpdating)
    if (data.SSESpecification) applySse(table, data.SSESpecification, tableUpdating)
    if (data.TableClass != null) {
      settings.checkTableClass(data.TableClass)
      table.TableClassSummary = { TableClass: data.TableClass, LastUpdateDateTime: ctx.clock.now() / 1000 }
      tableUpdating.push('TableClass')
    }
    if (data.DeletionProtectionEnabled != null) table.DeletionProtectionEnabled = data.DeletionProtectionEnabled === true
    if (data.OnDemandThroughput) table.OnDemandThroughput = data.OnDemandThroughput
    if (data.WarmThroughput) applyWarm(table, data.WarmThroughput)
    for (const update of gsiUpdates) {
      if (update.Create) indexes.create(ctx, table, update.Create, data.AttributeDefinitions)
      if (update.Delete) indexes.remove(ctx, table, update.Delete.IndexName)
      if (update.Update) applyIndexLimits(table, update.Update)
    }

    if (tableUpdating.length) {
      table.TableStatus = 'UPDATING'
      ctx.tables.later(table.TableName, ctx.delays.update, (current) => {
        current.TableStatus = 'ACTIVE'
        for (const { indexName, throughput } of pendingThroughput) {
          const holder = indexName ? (current.GlobalSecondaryIndexes || []).find((i) => i.IndexName === indexName) : current
          if (holder) changeThroughput(holder, throughput, ctx.clock.now() / 1000)
        }
        if (current.SSEDescription && current.SSEDescription.Status === 'UPDATING') current.SSEDescription.Status = 'ENABLED'
      })
    }
    await ctx.tables.put(table.TableName, table)
    if (spreads) spread(ctx, table, data)
    return { TableDescription: publicView(table) }
  })
}

function spread (ctx, table, data) {
  const shared = Object.fromEntries(SHARED.filter((key) => data[key] != null).map((key) => [ key, data[key] ]))
  if (!hasAnyChange(shared)) return
  for (const entry of table.Replicas || []) {
    const region = ctx.regionOf(entry.RegionName)
    replicas.inBackground(async () => {
      const own = replicas.keepingOwnReads(shared, entry, await region.tables.get(table.TableName))
      if (hasAnyChange(own)) await change(region, { ...own, TableName: table.TableName }, false)
    })
  }
}

function hasAnyChange (data) {
  return [ 'ProvisionedThroughput', 'BillingMode', 'StreamSpecification', 'SSESpecification', 'TableClass',
    'DeletionProtectionEnabled', 'OnDemandThroughput', 'WarmThroughput' ].some((key) => data[key] != null) ||
    (data.GlobalSecondaryIndexUpdates || []).length > 0
}

function billingModeOf (table) {
  return (table.BillingModeSummary || {}).BillingMode || 'PROVISIONED'
}

function sameThroughput (a, b) {
  return a.ReadCapacityUnits === b.ReadCapacityUnits && a.WriteCapacityUnits === b.WriteCapacityUnits
}

function applyBilling (table, data, gsiUpdates, tableUpdating, pendingThroughput, now) {
  const current = billingModeOf(table)
  const target = data.BillingMode || current
  const throughputUpdates = gsiUpdates.filter((u) => u.Update && u.Update.ProvisionedThroughput)
  if (target === 'PAY_PER_REQUEST' && (data.ProvisionedThroughput || throughputUpdates.length)) {
    throw errors.validation('One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST')
  }
  const existing = table.GlobalSecondaryIndexes || []
  for (const update of throughputUpdates) {
    // Capacity beyond the account's reach is blocked before the index is even looked up.
    const { ReadCapacityUnits: read, WriteCapacityUnits: write } = update.Update.ProvisionedThroughput
    if (read > MAX_CAPACITY || write > MAX_CAPACITY) {
      throw errors.validation('This operation cannot be performed with given input values. Please contact DynamoDB service team for more info: Action Blocked: IndexUpdate')
    }
    if (!existing.some((index) => index.IndexName === update.Update.IndexName)) {
      throw errors.resourceNotFound(`Requested resource not found: Index: ${update.Update.IndexName} not found`)
    }
  }
  if (target === 'PROVISIONED' && current !== 'PROVISIONED') {
    if (!data.ProvisionedThroughput) throw errors.validation('One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED')
    const deleted = gsiUpdates.filter((u) => u.Delete).map((u) => u.Delete.IndexName)
    const missing = existing.filter((index) => !deleted.includes(index.IndexName) &&
      !throughputUpdates.some((u) => u.Update.IndexName === index.IndexName)).map((index) => index.IndexName)
    if (missing.length) throw errors.validation(`One or more parameter values were invalid: ProvisionedThroughput must be specified for index: ${missing.join(',')}`)
  }
  else if (data.ProvisionedThroughput && sameThroughput(data.ProvisionedThroughput, table.ProvisionedThroughput)) {
    throw errors.validation('The provisioned throughput for the table will not change. The requested value equals the current value. ' +
      `Current ReadCapacityUnits provisioned for the table: ${table.ProvisionedThroughput.ReadCapacityUnits}. Requested ReadCapacityUnits: ${data.ProvisionedThroughput.ReadCapacityUnits}. ` +
      `Current WriteCapacityUnits provisioned for the table: ${table.ProvisionedThroughput.WriteCapacityUnits}. Requested WriteCapacityUnits: ${data.ProvisionedThroughput.WriteCapacityUnits}. ` +
      'Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.')
  }

  if (target !== current) {
    table.BillingModeSummary = { BillingMode: target }
    table.TableThroughputModeSummary = { TableThroughputMode: target }
    if (target === 'PAY_PER_REQUEST') {
      table.BillingModeSummary.LastUpdateToPayPerRequestDateTime = Date.now() / 1000
      setThroughput(table, { ReadCapacityUnits: 0, WriteCapacityUnits: 0 })
      existing.forEach((index) => setThroughput(index, { ReadCapacityUnits: 0, WriteCapacityUnits: 0 }))
    }
    tableUpdating.push('BillingMode')
  }
  if (data.ProvisionedThroughput) {
    stampRequest(table, data.ProvisionedThroughput, now)
    pendingThroughput.push({ throughput: data.ProvisionedThroughput })
    tableUpdating.push('ProvisionedThroughput')
  }
  for (const update of throughputUpdates) {
    pendingThroughput.push({ indexName: update.Update.IndexName, throughput: update.Update.ProvisionedThroughput })
    tableUpdating.push('GSI throughput')
  }
}

// AWS stamps when capacity last went up or down as soon as a change is asked for, and again when it is done (when it
// also counts the decrease).
function stampRequest (holder, throughput, now) {
  const old = holder.ProvisionedThroughput || {}
  if (throughput.ReadCapacityUnits > old.ReadCapacityUnits || throughput.WriteCapacityUnits > old.WriteCapacityUnits) holder.ProvisionedThroughput.LastIncreaseDateTime = now
  if (throughput.ReadCapacityUnits < old.ReadCapacityUnits || throughput.WriteCapacityUnits < old.WriteCapacityUnits) holder.ProvisionedThroughput.LastDecreaseDateTime = now
}

function changeThroughput (holder, throughput, now) {
  const old = holder.ProvisionedThroughput || { ReadCapacityUnits: 0, WriteCapacityUnits: 0 }
  const up = throughput.ReadCapacityUnits > old.ReadCapacityUnits || throughput.WriteCapacityUnits > old.WriteCapacityUnits
  const down = throughput.ReadCapacityUnits < old.ReadCapacityUnits || throughput.WriteCapacityUnits < old.WriteCapacityUnits
  setThroughput(holder, throughput)
  if (up) holder.ProvisionedThroughput.LastIncreaseDateTime = now
  if (down) {
    holder.ProvisionedThroughput.LastDecreaseDateTime = now
    holder.ProvisionedThroughput.NumberOfDecreasesToday = (old.NumberOfDecreasesToday || 0) + 1
  }
}

function setThroughput (holder, throughput) {
  holder.ProvisionedThroughput = {
    ...holder.ProvisionedThroughput,
    ReadCapacityUnits: throughput.ReadCapacityUnits,
    WriteCapacityUnits: throughput.WriteCapacityUnits,
  }
}

function applyStream (ctx, table, spec, tableUpdating) {
  settings.checkStream(spec)
  // A global table's replication runs on its stream, which stays as it is while the table has replicas.
  if ((table.Replicas || []).length) {
    throw errors.validation(spec.StreamEnabled ? 'One or more parameter values were invalid: the stream of a global table replica cannot be changed' : 'Disabling Stream is not allowed for a Global Table replica')
  }
  const enabled = !!(table.StreamSpecification && table.StreamSpecification.StreamEnabled)
  if (spec.StreamEnabled && enabled) throw errors.validation(`Table already has an enabled stream: TableName: ${table.TableName}`)
  if (!spec.StreamEnabled && !enabled) throw errors.validation(`Table already has a disabled stream: TableName: ${table.TableName}`)
  if (spec.StreamEnabled) settings.enableStream(table, spec.StreamViewType, ctx)
  else {
    ctx.streams.retire(table)
    delete table.StreamSpecification
  }
  tableUpdating.push('StreamSpecification')
}

function applySse (table, spec, tableUpdating) {
  const sse = settings.sseDescription(spec, table, 'UPDATING')
  if (sse) table.SSEDescription = sse
  else delete table.SSEDescription
  tableUpdating.push('SSESpecification')
}

// An index update may carry on-demand or warm throughput without provisioned throughput.
function applyIndexLimits (table, update) {
  if (!update.OnDemandThroughput && !update.WarmThroughput) return
  const index = (table.GlobalSecondaryIndexes || []).find((i) => i.IndexName === update.IndexName)
  if (!index) throw errors.resourceNotFound(`Requested resource not found: Index: ${update.IndexName} not found`)
  if (update.OnDemandThroughput) index.OnDemandThroughput = { ...index.OnDemandThroughput, ...update.OnDemandThroughput }
  if (update.WarmThroughput) applyWarm(index, update.WarmThroughput)
}

function applyWarm (table, warm) {
  const current = table.WarmThroughput || {}
  if ((warm.ReadUnitsPerSecond || 0) < (current.ReadUnitsPerSecond || 0) || (warm.WriteUnitsPerSecond || 0) < (current.WriteUnitsPerSecond || 0)) {
    throw errors.validation('One or more parameter values were invalid: Warm throughput cannot be decreased')
  }
  table.WarmThroughput = { ...current, ...warm, Status: 'ACTIVE' }
}
