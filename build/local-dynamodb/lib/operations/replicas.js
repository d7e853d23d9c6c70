'use strict'
// UpdateTable's ReplicaUpdates (global tables version 2019.11.21), with the rules measured against AWS and recorded in
// ack-api-quirks' DynamoDB replica notes (2026-10-09): ReplicaUpdates alone in its request, one Create or Delete a
// call, never the table's own region; a Create needs the table on demand or its writes auto scaled (the table and every
// GSI), turns the stream on (NEW_AND_OLD_IMAGES) when it is off, and makes the table in that region with the same keys
// and indexes, its items copied; a Delete deletes that region's table with its items; a Create or Update may give the
// replica its own table class, read capacity (provisioned) or read maximum (on demand), listed in its entry as
// overrides, and sending the table's own value clears an override; a KMS-encrypted table's replica is encrypted too,
// under the KMS key the replica names (listed in its entry as an ARN of its region) or its region's AWS managed key. Meanwhile the table is UPDATING and its replica
// CREATING, UPDATING or DELETING. Each member lists the others in Replicas. A replica's index may have its own read
// capacity or maximum (ReplicaGlobalSecondaryIndex: "if not specified, uses the source table GSI's read capacity
// settings", DynamoDB API reference), listed in the entry's GlobalSecondaryIndexes where it differs; the refusal of an
// index the table does not have is worded here, not measured.
const errors = require('../errors')
const settings = require('./tableSettings')
const scalableTargets = require('./scalableTargets')
const createTable = require('./createTable')
const strong = require('./strongConsistency')
const RULES = require('../rules')
const { publicView } = require('../tables')

const VERSION = '2019.11.21'
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/
const active = (region) => ({ RegionName: region, ReplicaStatus: 'ACTIVE' })
const onDemand = (table) => (table.BillingModeSummary || {}).BillingMode === 'PAY_PER_REQUEST'

async function updateReplicas (ctx, data) {
  const updates = data.ReplicaUpdates || []
  const witnesses = data.GlobalTableWitnessUpdates || []
  if (updates.some((u) => [ 'Create', 'Update', 'Delete' ].filter((action) => u[action]).length !== 1)) {
    throw errors.validation('One or more parameter values were invalid: each ReplicaUpdates entry takes one of Create, Update or Delete')
  }
  if (witnesses.some((u) => [ 'Create', 'Delete' ].filter((action) => u[action]).length !== 1)) {
    throw errors.validation('One or more parameter values were invalid: each GlobalTableWitnessUpdates entry takes one of Create or Delete')
  }
  if (data.MultiRegionConsistency != null && ![ 'EVENTUAL', strong.STRONG ].includes(data.MultiRegionConsistency)) {
    throw errors.notInEnum('multiRegionConsistency', data.MultiRegionConsistency, [ 'EVENTUAL', strong.STRONG ])
  }
  for (const { RegionName: region } of [ ...updates.map((u) => u.Create || u.Update || u.Delete), ...witnesses.map((u) => u.Create || u.Delete) ]) {
    if (region === ctx.region) {
      throw errors.validation('Cannot add, delete, or update the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required.')
    }
    if (typeof region !== 'string' || !REGION.test(region)) throw errors.validation(`Region ${region} is not supported for global tables`)
  }
  return ctx.tables.withLock(data.TableName, async () => {
    const { table, busyIndex } = await ctx.tables.getActive(data.TableName)
    if (busyIndex) throw errors.resourceInUse(`Attempt to change a resource which is still in use: Index ${busyIndex.IndexName} is being changed: ${data.TableName}`)
    if (strong.involved(table, data)) await strong.update(ctx, table, data, { addReplica, updateReplica, removeReplica })
    else await oneReplica(ctx, table, data)
    await ctx.tables.put(table.TableName, table)
    return { TableDescription: publicView(table) }
  })
}

// A multi-Region eventually consistent table's replicas change one a call; its consistency may be named with the first.
async function oneReplica (ctx, table, data) {
  const updates = data.ReplicaUpdates || []
  if (updates.length > 1) throw errors.validation('One or more parameter values were invalid: more than one create or delete replica actions not allowed')
  if (updates.length === 0 || (data.MultiRegionConsistency != null && !(updates[0].Create && !(table.Replicas || []).length))) {
    throw errors.validation('MultiRegionConsistency can only be set with the Create action that makes a table a global table')
  }
  const { Create: create, Update: update, Delete: remove } = updates[0]
  const region = (create || update || remove).RegionName
  if (create) {
    const shared = data.MultiRegionConsistency ? { MultiRegionConsistency: data.MultiRegionConsistency } : {}
    await addReplica(ctx, table, region, create, shared)
    Object.assign(table, shared)
  } else if (update) await updateReplica(ctx, table, region, update)
  else await removeReplica(ctx, table, region)
}

async function addReplica (ctx, table, region, create, shared) {
  const members = (table.Replicas || []).map((r) => r.RegionName)
  const target = ctx.regionOf(region)
  if (members.includes(region) || await target.tables.get(table.TableName).then(() => true, () => false)) {
    throw errors.validation(`Failed to create a the new replica of table with name: '${table.TableName}' because one or more replicas already existed as tables.`)
  }
  checkWritesScale(ctx, table)
  if (!(table.StreamSpecification && table.StreamSpecification.StreamEnabled)) settings.enableStream(table, 'NEW_AND_OLD_IMAGES', ctx)
  const own = overrides(table, create, region)
  const request = withOverrides(replicaOf(table), table, own)
  const data = target.dynalite.check(RULES.CreateTable, request)
  Object.assign(data, { Replicas: [ ctx.region, ...members ].map(active), GlobalTableVersion: VERSION, _ttl: table._ttl, ...shared })
  await createTable(target, request, data)
  table.Replicas = [ ...(table.Replicas || []), { ...own, RegionName: region, ReplicaStatus: 'CREATING' } ]
  table.GlobalTableVersion = VERSION
  table._sourcedReplicaAt = ctx.clock.now()
  table.TableStatus = 'UPDATING'
  ctx.tables.later(table.TableName, ctx.delays.create, async (current) => {
    await untilActive(target, table.TableName)
    await copyItems(ctx, target, table.TableName)
    for (const other of members) await changeMembers(ctx.regionOf(other), table.TableName, (list) => [ ...list, active(region) ])
    current.Replicas = current.Replicas.map((r) => r.RegionName === region ? { ...r, ReplicaStatus: 'ACTIVE' } : r)
    current.TableStatus = 'ACTIVE'
  })
}

async function updateReplica (ctx, table, region, update) {
  const entry = (table.Replicas || []).find((r) => r.RegionName === region)
  if (!entry) throw errors.validation('Replica specified in the Replica Update or Replica Delete action of the request was not found.')
  if ([ 'TableClassOverride', 'KMSMasterKeyId', 'ProvisionedThroughputOverride', 'OnDemandThroughputOverride', 'GlobalSecondaryIndexes' ].every((field) => update[field] == null)) {
    throw errors.validation('One or more parameter values were invalid: no actions specified for the replica update')
  }
  const own = overrides(table, entryAsAction(entry, update), region)
  const target = ctx.regionOf(region)
  table.Replicas = table.Replicas.map((r) => r.RegionName === region ? { ...own, RegionName: region, ReplicaStatus: 'UPDATING' } : r)
  table.TableStatus = 'UPDATING'
  ctx.tables.later(table.TableName, ctx.delays.update, async (current) => {
    await target.tables.withLock(table.TableName, async () => {
      const replica = await target.tables.get(table.TableName)
      const wanted = withOverrides({ ProvisionedThroughput: { ...replica.ProvisionedThroughput }, OnDemandThroughput: replica.OnDemandThroughput, GlobalSecondaryIndexes: replica.GlobalSecondaryIndexes }, current, own)
      replica.TableClassSummary = { TableClass: wanted.TableClass, LastUpdateDateTime: ctx.clock.now() / 1000 }
      if (onDemand(current)) replica.OnDemandThroughput = wanted.OnDemandThroughput
      else replica.ProvisionedThroughput = wanted.ProvisionedThroughput
      if (replica.GlobalSecondaryIndexes) replica.GlobalSecondaryIndexes = wanted.GlobalSecondaryIndexes
      if (own.KMSMasterKeyId) replica.SSEDescription = settings.sseDescription({ Enabled: true, KMSMasterKeyId: own.KMSMasterKeyId }, replica, 'ENABLED')
      await target.tables.put(table.TableName, replica)
    })
    current.Replicas = current.Replicas.map((r) => r.RegionName === region ? { ...r, ReplicaStatus: 'ACTIVE' } : r)
    current.TableStatus = 'ACTIVE'
  })
}

// A replica's own settings as its entry lists them: the table class always, its KMS key (as an ARN in its region) when
// given, a read capacity or maximum only where it differs from the table's (sending the table's own value clears it),
// and the same for each index. A key for a table not encrypted with KMS is refused (worded here, not measured).
function overrides (table, action, region) {
  const tableClass = action.TableClassOverride ?? (table.TableClassSummary || {}).TableClass ?? 'STANDARD'
  settings.checkTableClass(tableClass)
  const own = { ReplicaTableClassSummary: { TableClass: tableClass }, ...readOverrides(table, table, action) }
  if (action.KMSMasterKeyId != null) {
    if (!table.SSEDescription) throw errors.validation('One or more parameter values were invalid: KMSMasterKeyId is only for a replica of a table encrypted with a KMS key')
    own.KMSMasterKeyId = settings.kmsKeyArn(action.KMSMasterKeyId, region, table.TableArn.split(':')[4])
  }
  const indexes = (action.GlobalSecondaryIndexes || []).map((wanted) => {
    const index = named(table.GlobalSecondaryIndexes, wanted.IndexName)
    if (!index) throw errors.validation(`One or more parameter values were invalid: the table has no global secondary index ${wanted.IndexName}`)
    return { IndexName: wanted.IndexName, ...readOverrides(table, index, wanted) }
  }).filter((index) => Object.keys(index).length > 1)
  if (indexes.length > 0) own.GlobalSecondaryIndexes = indexes
  return own
}

// The read capacity (provisioned) or maximum (on demand) that differs from the owner's (the table or one of its indexes).
function readOverrides (table, owner, action) {
  const own = {}
  const read = action.ProvisionedThroughputOverride && action.ProvisionedThroughputOverride.ReadCapacityUnits
  if (read != null) {
    if (onDemand(table)) throw errors.validation('One or more parameter values were invalid: ProvisionedThroughputOverride is not allowed for a table in PAY_PER_REQUEST mode')
    if (!Number.isInteger(read) || read < 1) throw errors.validation('One or more parameter values were invalid: ReadCapacityUnits must be at least 1')
    if (read !== owner.ProvisionedThroughput.ReadCapacityUnits) own.ProvisionedThroughputOverride = { ReadCapacityUnits: read }
  }
  const maxRead = action.OnDemandThroughputOverride && action.OnDemandThroughputOverride.MaxReadRequestUnits
  if (maxRead != null) {
    if (!onDemand(table)) throw errors.validation('One or more parameter values were invalid: OnDemandThroughputOverride is allowed only for a table in PAY_PER_REQUEST mode')
    const base = ((owner.OnDemandThroughput || {}).MaxReadRequestUnits) ?? -1
    if (maxRead !== base) own.OnDemandThroughputOverride = { MaxReadRequestUnits: maxRead }
  }
  return own
}

// What a replica's entry says, as the action that would set it: an Update changes only what it names, an index's
// included.
const entryAsAction = (entry, update) => ({
  TableClassOverride: entry.ReplicaTableClassSummary && entry.ReplicaTableClassSummary.TableClass,
  KMSMasterKeyId: entry.KMSMasterKeyId,
  ProvisionedThroughputOverride: entry.ProvisionedThroughputOverride,
  OnDemandThroughputOverride: entry.OnDemandThroughputOverride,
  ...update,
  GlobalSecondaryIndexes: [
    ...(entry.GlobalSecondaryIndexes || []).filter((i) => !(update.GlobalSecondaryIndexes || []).some((u) => u.IndexName === i.IndexName)),
    ...(update.GlobalSecondaryIndexes || []),
  ],
})

// The replica table's settings: the table's, with the replica's own where it has them.
function withOverrides (request, table, own) {
  const result = ownReads({ ...request, ...readsOf(request, table, onDemand(table)), TableClass: own.ReplicaTableClassSummary.TableClass }, own)
  if (request.SSESpecification && own.KMSMasterKeyId) result.SSESpecification = { ...request.SSESpecification, KMSMasterKeyId: own.KMSMasterKeyId }
  if (request.GlobalSecondaryIndexes) {
    result.GlobalSecondaryIndexes = request.GlobalSecondaryIndexes.map((index) =>
      ownReads({ ...index, ...readsOf(index, named(table.GlobalSecondaryIndexes, index.IndexName), onDemand(table)) }, named(own.GlobalSecondaryIndexes, index.IndexName)))
  }
  return result
}

// The reads of the owner (the table, or its index) for its replica's shape: its read capacity, and its on-demand
// maximums (-1: no limit) when on demand.
function readsOf (shape, owner, isOnDemand) {
  const reads = {}
  if (shape.ProvisionedThroughput) reads.ProvisionedThroughput = { ...shape.ProvisionedThroughput, ReadCapacityUnits: owner.ProvisionedThroughput.ReadCapacityUnits }
  if (isOnDemand) {
    const base = owner.OnDemandThroughput || {}
    reads.OnDemandThroughput = { MaxReadRequestUnits: base.MaxReadRequestUnits ?? -1, MaxWriteRequestUnits: base.MaxWriteRequestUnits ?? -1 }
  }
  return reads
}

// A replica's own read (its entry's override, or its entry's for an index) put over a throughput that has one.
function ownReads (shape, own) {
  const result = { ...shape }
  const read = own && own.ProvisionedThroughputOverride && own.ProvisionedThroughputOverride.ReadCapacityUnits
  if (result.ProvisionedThroughput && read != null) result.ProvisionedThroughput = { ...result.ProvisionedThroughput, ReadCapacityUnits: read }
  const maxRead = own && own.OnDemandThroughputOverride && own.OnDemandThroughputOverride.MaxReadRequestUnits
  if (result.OnDemandThroughput && maxRead != null) result.OnDemandThroughput = { ...result.OnDemandThroughput, MaxReadRequestUnits: maxRead }
  return result
}

const named = (list, name) => (list || []).find((i) => i.IndexName === name)

async function removeReplica (ctx, table, region) {
  const members = (table.Replicas || []).map((r) => r.RegionName)
  if (!members.includes(region)) throw errors.validation('Replica specified in the Replica Update or Replica Delete action of the request was not found.')
  const target = ctx.regionOf(region)
  const replica = await target.tables.get(table.TableName).catch(() => null)
  if (replica && replica.DeletionProtectionEnabled) {
    throw errors.validation('Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.')
  }
  table.Replicas = table.Replicas.map((r) => r.RegionName === region ? { RegionName: region, ReplicaStatus: 'DELETING' } : r)
  table.TableStatus = 'UPDATING'
  ctx.tables.later(table.TableName, ctx.delays.delete, async (current) => {
    if (replica) {
      await target.dynalite.run('DeleteTable', target.dynalite.validate('DeleteTable', { TableName: table.TableName }))
      target.streams.retire(replica)
    }
    for (const other of members.filter((m) => m !== region)) await changeMembers(ctx.regionOf(other), table.TableName, (list) => list.filter((r) => r.RegionName !== region))
    setMembers(current, current.Replicas.filter((r) => r.RegionName !== region))
    current.TableStatus = 'ACTIVE'
  })
}

// A change the other replicas make after the region asked: retried while a replica is busy with another change,
// dropped when the replica is gone meanwhile, and any other refusal said in the server's log, never dropped unseen.
function inBackground (work) {
  const attempt = async (left) => {
    try { await work() }
    catch (err) {
      const type = err.body ? err.body.__type : ''
      if (/ResourceInUseException|LimitExceededException/.test(type) && left > 0) return setTimeout(() => attempt(left - 1), 100)
      if (/ResourceNotFoundException|TableNotFoundException/.test(type) || /Database is (not open|closed)/.test(err.message)) return
      console.error(err.body ? `A replica did not take the change its table made: ${type.split('#').pop()}: ${err.body.message}` : err.stack || err)
    }
  }
  attempt(600)
}

// A change of a table's shared settings as its replica takes it: the replica's own read capacity or maximum, the
// table's and each index's, stays (an override holds until changed: ReplicaGlobalSecondaryIndex, DynamoDB API
// reference), and a capacity that then equals the replica's is left out.
function keepingOwnReads (shared, entry, replica) {
  const own = ownReads(shared, entry)
  if (sameCapacity(own.ProvisionedThroughput, replica.ProvisionedThroughput)) delete own.ProvisionedThroughput
  if (own.GlobalSecondaryIndexUpdates) {
    own.GlobalSecondaryIndexUpdates = own.GlobalSecondaryIndexUpdates
      .map((u) => u.Update ? { Update: ownReads(u.Update, named(entry.GlobalSecondaryIndexes, u.Update.IndexName)) } : u)
      .filter((u) => !(u.Update && u.Update.ProvisionedThroughput && !u.Update.OnDemandThroughput && !u.Update.WarmThroughput &&
        sameCapacity(u.Update.ProvisionedThroughput, (named(replica.GlobalSecondaryIndexes, u.Update.IndexName) || {}).ProvisionedThroughput)))
  }
  return own
}

const sameCapacity = (wanted, current) => !!wanted && !!current &&
  wanted.ReadCapacityUnits === current.ReadCapacityUnits && wanted.WriteCapacityUnits === current.WriteCapacityUnits

// A replica deleted in its own region (DeleteTable) leaves the others' lists.
async function leave (ctx, table) {
  for (const { RegionName } of table.Replicas || []) {
    await changeMembers(ctx.regionOf(RegionName), table.TableName, (list) => list.filter((r) => r.RegionName !== ctx.region))
  }
}

function checkWritesScale (ctx, table) {
  if (onDemand(table)) return
  // AWS also wants a scaling policy on each target; this server has targets only.
  if (!scalableTargets.registered(ctx, `table/${table.TableName}`, 'dynamodb:table:WriteCapacityUnits')) {
    throw errors.validation('Table write capacity should either be Pay-Per-Request or AutoScaled.')
  }
  if ((table.GlobalSecondaryIndexes || []).some((index) => !scalableTargets.registered(ctx, `table/${table.TableName}/index/${index.IndexName}`, 'dynamodb:index:WriteCapacityUnits'))) {
    throw errors.validation('GSI write capacity should either be Pay-Per-Request or AutoScaled.')
  }
}

// The CreateTable that makes the table's replica: its keys, indexes, capacity, stream and table class.
function replicaOf (table) {
  const capacity = (holder) => onDemand(table) ? {} : {
    ProvisionedThroughput: { ReadCapacityUnits: holder.ProvisionedThroughput.ReadCapacityUnits, WriteCapacityUnits: holder.ProvisionedThroughput.WriteCapacityUnits },
  }
  const index = (i, withCapacity) => ({ IndexName: i.IndexName, KeySchema: i.KeySchema, Projection: i.Projection, ...(withCapacity ? capacity(i) : {}) })
  const request = {
    TableName: table.TableName,
    KeySchema: table.KeySchema,
    AttributeDefinitions: table.AttributeDefinitions,
    BillingMode: onDemand(table) ? 'PAY_PER_REQUEST' : 'PROVISIONED',
    ...capacity(table),
    StreamSpecification: table.StreamSpecification,
  }
  if (table.GlobalSecondaryIndexes) request.GlobalSecondaryIndexes = table.GlobalSecondaryIndexes.map((i) => index(i, true))
  if (table.LocalSecondaryIndexes) request.LocalSecondaryIndexes = table.LocalSecondaryIndexes.map((i) => index(i, false))
  if (table.TableClassSummary) request.TableClass = table.TableClassSummary.TableClass
  // Encrypted as the table is, under the AWS managed key of its region unless the replica has a key of its own.
  if (table.SSEDescription) request.SSESpecification = { Enabled: true, SSEType: 'KMS' }
  return request
}

async function untilActive (target, tableName) {
  for (let waited = 0; waited < 60000; waited += 20) {
    const table = await target.tables.get(tableName).catch(() => null)
    if (table && table.TableStatus === 'ACTIVE') return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function copyItems (ctx, target, tableName) {
  let start
  do {
    const page = await ctx.dynalite.run('Scan', ctx.dynalite.validate('Scan', { TableName: tableName, ExclusiveStartKey: start }))
    for (const item of page.Items) await ctx.replication.copy(target, tableName, { put: item })
    start = page.LastEvaluatedKey
  } while (start)
}

async function changeMembers (member, tableName, change) {
  await member.tables.withLock(tableName, async () => {
    const table = await member.tables.get(tableName)
    setMembers(table, change(table.Replicas || []))
    await member.tables.put(tableName, table)
  }).catch((err) => { if (!err.body) throw err })
}

// A table without replicas is a table like any other again, its consistency and witness gone with them.
function setMembers (table, replicas) {
  if (replicas.length) table.Replicas = replicas
  else {
    delete table.Replicas
    delete table.GlobalTableVersion
    delete table.MultiRegionConsistency
    delete table.GlobalTableWitnesses
  }
}

module.exports = { updateReplicas, leave, inBackground, keepingOwnReads }
