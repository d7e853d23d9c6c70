'use strict'
// UpdateContinuousBackups and DescribeContinuousBackups (point-in-time recovery, 1 to 35 days).
const errors = require('../errors')

async function tableOrNotFound (ctx, name) {
  try {
    return await ctx.tables.get(name)
  }
  catch (err) {
    // These two operations answer a missing table with TableNotFoundException, not ResourceNotFoundException.
    if (err.body && /ResourceNotFoundException/.test(err.body.__type)) throw errors.tableNotFound(name)
    throw err
  }
}

function describe (ctx, table) {
  const pitr = table._pitr || { enabled: false }
  const description = { PointInTimeRecoveryStatus: pitr.enabled ? 'ENABLED' : 'DISABLED' }
  if (pitr.enabled) {
    const now = ctx.clock.now() / 1000
    Object.assign(description, {
      RecoveryPeriodInDays: pitr.recoveryPeriodInDays,
      EarliestRestorableDateTime: Math.max(pitr.enabledAt, now - pitr.recoveryPeriodInDays * 86400),
      LatestRestorableDateTime: now,
    })
  }
  return { ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: description } }
}

async function updateContinuousBackups (ctx, data) {
  const spec = data.PointInTimeRecoverySpecification
  const days = spec.RecoveryPeriodInDays == null ? 35 : spec.RecoveryPeriodInDays
  if (!Number.isInteger(days) || days < 1 || days > 35) {
    throw errors.validation(`1 validation error detected: Value '${spec.RecoveryPeriodInDays}' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: Member must have value between 1 and 35`)
  }
  if (!spec.PointInTimeRecoveryEnabled && spec.RecoveryPeriodInDays != null) {
    throw errors.validation('One or more parameter values were invalid: RecoveryPeriodInDays can only be set when PointInTimeRecoveryEnabled is true')
  }
  return ctx.tables.withLock(data.TableName, async () => {
    const table = await tableOrNotFound(ctx, data.TableName)
    const wasEnabled = table._pitr && table._pitr.enabled
    table._pitr = spec.PointInTimeRecoveryEnabled
      ? { enabled: true, recoveryPeriodInDays: days, enabledAt: wasEnabled ? table._pitr.enabledAt : ctx.clock.now() / 1000 }
      : { enabled: false }
    await ctx.tables.put(table.TableName, table)
    return describe(ctx, table)
  })
}

async function describeContinuousBackups (ctx, data) {
  return describe(ctx, await tableOrNotFound(ctx, data.TableName))
}

module.exports = { updateContinuousBackups, describeContinuousBackups }
