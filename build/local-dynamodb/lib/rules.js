'use strict'
// Input rules, in dynalite's form, for the operations this server implements itself (AWS's types and limits).
// complete: the rules name every field of the request, so the checked values can stand for it.
const createTable = require('dynalite/validations/createTable')
const updateTable = require('dynalite/validations/updateTable')
const query = require('dynalite/validations/query')
const describeTimeToLive = require('dynalite/validations/describeTimeToLive')
const keySchemas = require('./keySchemas')

const tableName = describeTimeToLive.types.TableName

// dynalite's UpdateTable rules, which predate on-demand tables: an index created on one has no provisioned
// throughput, and an index update may carry on-demand or warm throughput alone (the operation checks both against
// the billing mode). Its "At least one of" list predates streams, SSE and the rest: the operation checks that too.
const updateTableTypes = JSON.parse(JSON.stringify(updateTable.types))
const indexUpdate = updateTableTypes.GlobalSecondaryIndexUpdates.children.children
delete indexUpdate.Update.children.ProvisionedThroughput.notNull
delete indexUpdate.Create.children.ProvisionedThroughput.notNull
indexUpdate.Create.children.KeySchema.lengthLessThanOrEqual = 2 * keySchemas.MAX_PER_TYPE

// dynalite's CreateTable rules with global secondary index keys of several attributes (lib/keySchemas.js): those are
// checked here, and dynalite's own checks see their first HASH and RANGE attributes only.
const createTableTypes = JSON.parse(JSON.stringify(createTable.types))
createTableTypes.GlobalSecondaryIndexes.children.children.KeySchema.lengthLessThanOrEqual = 2 * keySchemas.MAX_PER_TYPE

function checkCreateTable (data) {
  const multi = (data.GlobalSecondaryIndexes || []).filter((index) => index.KeySchema.length > 2 || keySchemas.isMultiAttribute(index.KeySchema))
  const defined = (data.AttributeDefinitions || []).map((d) => d.AttributeName)
  // In AWS's order: undefined attributes first, then the key's shape.
  for (const index of multi) {
    const keys = index.KeySchema.map((key) => key.AttributeName)
    if (keys.some((key) => !defined.includes(key))) {
      return `One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [${keys.join(', ')}], AttributeDefinitions: [${defined.join(', ')}]`
    }
    const message = keySchemas.checkIndexKeySchema(index.IndexName, index.KeySchema)
    if (message) return message
  }
  const full = multi.map((index) => index.KeySchema)
  multi.forEach((index) => { index.KeySchema = keySchemas.firstOfEach(index.KeySchema) })
  try { return createTable.custom(data) }
  finally { multi.forEach((index, i) => { index.KeySchema = full[i] }) }
}

// dynalite allows one or two key conditions; a key of several attributes takes more. lib/operations/query.js checks
// the count against the index queried.
function checkQuery (data) {
  const message = query.custom(data)
  return message === 'Conditions can be of length 1 or 2 only' && Object.keys(data.KeyConditions).length <= 2 * keySchemas.MAX_PER_TYPE ? undefined : message
}

module.exports = {
  CreateTable: { types: createTableTypes, custom: checkCreateTable },
  Query: { types: query.types, custom: checkQuery },
  UpdateTable: {
    types: updateTableTypes,
    custom: (data) => {
      const message = updateTable.custom(data)
      return message && !message.startsWith('At least one of') ? message : undefined
    },
  },
  UpdateTimeToLive: {
    complete: true,
    types: {
      TableName: tableName,
      TimeToLiveSpecification: {
        type: 'FieldStruct<TimeToLiveSpecification>',
        notNull: true,
        children: {
          AttributeName: { type: 'String', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 255 },
          Enabled: { type: 'Boolean', notNull: true },
        },
      },
    },
  },
  DescribeTimeToLive: { ...describeTimeToLive, complete: true },
  UpdateContinuousBackups: {
    complete: true,
    types: {
      TableName: tableName,
      PointInTimeRecoverySpecification: {
        type: 'FieldStruct<PointInTimeRecoverySpecification>',
        notNull: true,
        children: {
          PointInTimeRecoveryEnabled: { type: 'Boolean', notNull: true },
          // Its range (1 to 35) is checked by the operation, with AWS's message.
          RecoveryPeriodInDays: { type: 'Integer' },
        },
      },
    },
  },
  DescribeContinuousBackups: { ...describeTimeToLive, complete: true },
}
