'use strict'
// DeleteTable, refused as AWS refuses it: while the table or an index is changing, while deletion protection is on, or,
// in a global table, for 24 hours after the table was the source of a new replica (measured by go-to-k/cdkd#1442:
// removing the replicas first lets it go). The table's stream ends with it, and a replica leaves the others' lists.
const errors = require('../errors')
const replicas = require('./replicas')

const SOURCE_HOLD_MS = 24 * 60 * 60 * 1000

module.exports = async function deleteTable (ctx, raw) {
  const data = ctx.dynalite.validate('DeleteTable', raw)
  const table = await ctx.tables.get(data.TableName)
  if (table.DeletionProtectionEnabled) {
    throw errors.validation('Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.')
  }
  if (table.TableStatus === 'CREATING') {
    throw errors.resourceInUse(`Attempt to change a resource which is still in use: Table is being created: ${data.TableName}`)
  }
  if (table.TableStatus === 'UPDATING' || (table.GlobalSecondaryIndexes || []).some((index) => index.IndexStatus !== 'ACTIVE')) {
    throw errors.resourceInUse(`Attempt to change a resource which is still in use: Table is being updated: ${data.TableName}`)
  }
  if ((table.Replicas || []).length && ctx.clock.now() - (table._sourcedReplicaAt || 0) < SOURCE_HOLD_MS) {
    throw errors.validation('Replica cannot be deleted because it has acted as a source region for new replica(s) being added to the table in the last 24 hours.')
  }
  const deleted = await ctx.dynalite.run('DeleteTable', data)
  ctx.streams.retire(table)
  await replicas.leave(ctx, table)
  return deleted
}
