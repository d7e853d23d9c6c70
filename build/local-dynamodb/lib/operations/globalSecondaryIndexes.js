'use strict'
// Online GSI creation (with backfill of the items already in the table) and deletion.
const db = require('dynalite/db')
const errors = require('../errors')
const keySchemas = require('../keySchemas')

const TYPES = [ 'S', 'N', 'B' ]

function mergeAttributeDefinitions (table, definitions) {
  const merged = [ ...table.AttributeDefinitions ]
  for (const definition of definitions || []) {
    if (!TYPES.includes(definition.AttributeType)) throw errors.validation(`Invalid AttributeType: ${definition.AttributeType}`)
    const existing = merged.find((d) => d.AttributeName === definition.AttributeName)
    if (existing && existing.AttributeType !== definition.AttributeType) {
      throw errors.validation(`One or more parameter values were invalid: Attribute ${definition.AttributeName} is defined with type ${existing.AttributeType} and cannot be redefined as ${definition.AttributeType}`)
    }
    if (!existing) merged.push(definition)
  }
  return merged
}

function create (ctx, table, spec, attributeDefinitions) {
  const existing = table.GlobalSecondaryIndexes || []
  const name = spec.IndexName
  if (!/^[a-zA-Z0-9_.-]{3,255}$/.test(name || '')) throw errors.validation(`Invalid index name: ${name}`)
  if (existing.concat(table.LocalSecondaryIndexes || []).some((index) => index.IndexName === name)) {
    throw errors.validation(`One or more parameter values were invalid: Index with name ${name} already exists`)
  }
  if (existing.length >= 20) throw errors.limitExceeded('Subscriber limit exceeded: a table can have at most 20 global secondary indexes')
  if (!attributeDefinitions) throw errors.validation('One or more parameter values were invalid: AttributeDefinitions must be given with a global secondary index creation')
  const merged = mergeAttributeDefinitions(table, attributeDefinitions)
  const keys = spec.KeySchema || []
  const invalidKeys = keySchemas.checkIndexKeySchema(name, keys)
  if (invalidKeys) throw errors.validation(invalidKeys)
  for (const key of keys) {
    if (!merged.some((d) => d.AttributeName === key.AttributeName)) {
      throw errors.validation(`One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [${keys.map((k) => k.AttributeName).join(', ')}], AttributeDefinitions: [${merged.map((d) => d.AttributeName).join(', ')}]`)
    }
  }
  if (!spec.Projection || ![ 'ALL', 'KEYS_ONLY', 'INCLUDE' ].includes(spec.Projection.ProjectionType)) {
    throw errors.validation('One or more parameter values were invalid: Unknown ProjectionType')
  }
  const onDemand = ((table.BillingModeSummary || {}).BillingMode || 'PROVISIONED') === 'PAY_PER_REQUEST'
  if (onDemand && spec.ProvisionedThroughput) {
    throw errors.validation(`One or more parameter values were invalid: ProvisionedThroughput should not be specified for index: ${name} when BillingMode is PAY_PER_REQUEST`)
  }
  if (!onDemand && !spec.ProvisionedThroughput) {
    throw errors.validation(`One or more parameter values were invalid: ProvisionedThroughput must be specified for index: ${name}`)
  }

  table.AttributeDefinitions = merged
  const index = {
    IndexName: name,
    KeySchema: keys,
    Projection: spec.Projection,
    IndexStatus: 'CREATING',
    Backfilling: true,
    ProvisionedThroughput: { ...(spec.ProvisionedThroughput || { ReadCapacityUnits: 0, WriteCapacityUnits: 0 }), NumberOfDecreasesToday: 0 },
    IndexSizeBytes: 0,
    ItemCount: 0,
    IndexArn: `${table.TableArn}/index/${name}`,
  }
  if (spec.OnDemandThroughput) index.OnDemandThroughput = spec.OnDemandThroughput
  table.GlobalSecondaryIndexes = existing.concat(index)
  // Items written from now on are indexed by dynalite itself, as the index is in the table record.
  ctx.tables.later(table.TableName, ctx.delays.index, async (current) => {
    const live = (current.GlobalSecondaryIndexes || []).find((i) => i.IndexName === name)
    if (!live) return
    await backfill(ctx.store, current, live)
    live.IndexStatus = 'ACTIVE'
    delete live.Backfilling
  })
}

function backfill (store, table, index) {
  const only = { ...table, LocalSecondaryIndexes: [], GlobalSecondaryIndexes: [ index ] }
  return new Promise((resolve, reject) => {
    db.lazy(store.getItemDb(table.TableName).createValueStream(), reject).join((items) => {
      let pending = items.length
      if (!pending) return resolve()
      for (const item of items) {
        db.updateIndexes(store, only, null, item, (err) => {
          if (err) return reject(err)
          if (--pending === 0) resolve()
        })
      }
    })
  })
}

function remove (ctx, table, name) {
  const index = (table.GlobalSecondaryIndexes || []).find((i) => i.IndexName === name)
  if (!index) throw errors.resourceNotFound(`Requested resource not found: Index: ${name} not found`)
  index.IndexStatus = 'DELETING'
  ctx.tables.later(table.TableName, ctx.delays.index, (current) => new Promise((resolve, reject) => {
    current.GlobalSecondaryIndexes = (current.GlobalSecondaryIndexes || []).filter((i) => i.IndexName !== name)
    if (!current.GlobalSecondaryIndexes.length) delete current.GlobalSecondaryIndexes
    // AWS keeps only the attribute definitions a key still uses.
    const used = [ current, ...(current.LocalSecondaryIndexes || []), ...(current.GlobalSecondaryIndexes || []) ]
      .flatMap((holder) => holder.KeySchema.map((key) => key.AttributeName))
    current.AttributeDefinitions = current.AttributeDefinitions.filter((d) => used.includes(d.AttributeName))
    ctx.store.deleteIndexDb('Global', current.TableName, name, (err) => err ? reject(err) : resolve())
  }))
}

module.exports = { create, remove }
