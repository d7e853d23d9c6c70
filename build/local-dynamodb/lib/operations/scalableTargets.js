'use strict'
// Application Auto Scaling's scalable targets for this server's tables (target prefix AnyScaleFrontendService):
// RegisterScalableTarget, DescribeScalableTargets and DeregisterScalableTarget, namespace dynamodb only. Targets are
// registered and read, never acted on: no policy moves a capacity here. They live in memory for the server's life, one
// set a region.
const errors = require('../errors')

const PREFIX = 'com.amazonaws.applicationautoscaling#'
const validation = (message) => errors.awsError(PREFIX + 'ValidationException', message)
const targets = new Map()

const key = (ctx, data) => `${ctx.region} ${data.ResourceId} ${data.ScalableDimension}`

// table/Name or table/Name/index/IndexName, with the dimension of the same kind.
function checkResource (data) {
  if (data.ServiceNamespace !== 'dynamodb') throw validation(`Unsupported service namespace ${data.ServiceNamespace}: this local server knows dynamodb only`)
  const match = /^table\/([^/]+)(\/index\/([^/]+))?$/.exec(data.ResourceId || '')
  if (!match) throw validation(`Unsupported resource id ${data.ResourceId}`)
  const kind = match[2] ? 'index' : 'table'
  if (!new RegExp(`^dynamodb:${kind}:(Read|Write)CapacityUnits$`).test(data.ScalableDimension || '')) {
    throw validation(`Unsupported scalable dimension ${data.ScalableDimension} for ${data.ResourceId}`)
  }
  return { tableName: match[1], indexName: match[3] }
}

async function registerScalableTarget (ctx, data) {
  const { tableName, indexName } = checkResource(data)
  const table = await ctx.tables.get(tableName).catch(() => null)
  if (!table || (indexName && !(table.GlobalSecondaryIndexes || []).some((index) => index.IndexName === indexName))) {
    throw validation(`DynamoDB resource ${data.ResourceId} does not exist`)
  }
  const existing = targets.get(key(ctx, data))
  const target = {
    ServiceNamespace: 'dynamodb',
    ResourceId: data.ResourceId,
    ScalableDimension: data.ScalableDimension,
    MinCapacity: data.MinCapacity ?? existing?.MinCapacity,
    MaxCapacity: data.MaxCapacity ?? existing?.MaxCapacity,
    RoleARN: data.RoleARN || existing?.RoleARN || 'arn:aws:iam::000000000000:role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable',
    CreationTime: existing?.CreationTime ?? ctx.clock.now() / 1000,
    SuspendedState: data.SuspendedState || existing?.SuspendedState || { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
    ScalableTargetARN: existing?.ScalableTargetARN || `arn:aws:application-autoscaling:${ctx.region}:000000000000:scalable-target/${Math.random().toString(16).slice(2, 14)}`,
  }
  if (!Number.isInteger(target.MinCapacity) || !Number.isInteger(target.MaxCapacity)) throw validation('MinCapacity and MaxCapacity are required for a new scalable target')
  if (target.MinCapacity > target.MaxCapacity) throw validation('Minimum capacity cannot be larger than maximum capacity')
  targets.set(key(ctx, data), target)
  return { ScalableTargetARN: target.ScalableTargetARN }
}

async function describeScalableTargets (ctx, data) {
  if (data.ServiceNamespace !== 'dynamodb') throw validation(`Unsupported service namespace ${data.ServiceNamespace}: this local server knows dynamodb only`)
  const matching = [ ...targets ].filter(([ at ]) => at.startsWith(`${ctx.region} `)).map(([ , target ]) => target).filter((target) =>
    (!data.ResourceIds || data.ResourceIds.includes(target.ResourceId)) && (!data.ScalableDimension || target.ScalableDimension === data.ScalableDimension))
  const start = Number(data.NextToken || 0)
  const size = data.MaxResults || 50
  const page = matching.slice(start, start + size)
  return start + size < matching.length ? { ScalableTargets: page, NextToken: String(start + size) } : { ScalableTargets: page }
}

async function deregisterScalableTarget (ctx, data) {
  checkResource(data)
  if (!targets.delete(key(ctx, data))) {
    throw errors.awsError(PREFIX + 'ObjectNotFoundException', `No scalable target registered for service namespace: dynamodb, resource ID: ${data.ResourceId}, scalable dimension: ${data.ScalableDimension}`)
  }
  return {}
}

// True when the table's or index's dimension has a scalable target in the request's region.
const registered = (ctx, resourceId, dimension) => targets.has(key(ctx, { ResourceId: resourceId, ScalableDimension: dimension }))

module.exports = {
  operations: {
    RegisterScalableTarget: registerScalableTarget,
    DescribeScalableTargets: describeScalableTargets,
    DeregisterScalableTarget: deregisterScalableTarget,
  },
  registered,
}
