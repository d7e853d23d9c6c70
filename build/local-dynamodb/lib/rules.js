'use strict'
// Input rules, in dynalite's form, for the operations this server implements itself (AWS's types and limits).
// complete: the rules name every field of the request, so the checked values can stand for it.
const updateTable = require('dynalite/validations/updateTable')
const describeTimeToLive = require('dynalite/validations/describeTimeToLive')

const tableName = describeTimeToLive.types.TableName

// dynalite's UpdateTable rules, which predate on-demand tables: an index created on one has no provisioned
// throughput, and an index update may carry on-demand or warm throughput alone (the operation checks both against
// the billing mode). Its "At least one of" list predates streams, SSE and the rest: the operation checks that too.
const updateTableTypes = JSON.parse(JSON.stringify(updateTable.types))
const indexUpdate = updateTableTypes.GlobalSecondaryIndexUpdates.children.children
delete indexUpdate.Update.children.ProvisionedThroughput.notNull
delete indexUpdate.Create.children.ProvisionedThroughput.notNull

module.exports = {
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
