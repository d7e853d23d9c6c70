'use strict'
// Application Auto Scaling's scalable targets for this server's tables (target prefix AnyScaleFrontendService):
// RegisterScalableTarget, DescribeScalableTargets and DeregisterScalableTarget, with their target tracking policies
// (PutScalingPolicy, DescribeScalingPolicies, DeleteScalingPolicy), namespace dynamodb only. Targets and policies are
// registered and read, never acted on: no policy moves a capacity here. They live in memory for the server's life, one
// set a region.
const errors = require('../errors')

const PREFIX = 'com.amazonaws.applicationautoscaling#'
const validation = (message) => errors.awsError(PREFIX + 'ValidationException', message)
const targets = new Map()
// Each target's policies by name, under the target's key.
const policies = new Map()

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

const notFound = (data) => errors.awsError(PREFIX + 'ObjectNotFoundException', `No scalable target registered for service namespace: dynamodb, resource ID: ${data.ResourceId}, scalable dimension: ${data.ScalableDimension}`)

async function deregisterScalableTarget (ctx, data) {
  checkResource(data)
  if (!targets.delete(key(ctx, data))) throw notFound(data)
  policies.delete(key(ctx, data))
  return {}
}

// A target tracking policy on DynamoDB's utilization metric of the target's own dimension, which is what DynamoDB's
// auto scaling is; step scaling and custom metrics need CloudWatch alarms this server does not have.
async function putScalingPolicy (ctx, data) {
  checkResource(data)
  if (!data.PolicyName || data.PolicyName.length > 256) throw validation('PolicyName must be 1 to 256 characters')
  if (!targets.has(key(ctx, data))) throw notFound(data)
  if (data.PolicyType !== 'TargetTrackingScaling') throw validation(`Unsupported policy type ${data.PolicyType}: this local server knows TargetTrackingScaling only`)
  const configuration = data.TargetTrackingScalingPolicyConfiguration
  if (!configuration || typeof configuration.TargetValue !== 'number' || !(configuration.TargetValue > 0)) {
    throw validation('TargetTrackingScalingPolicyConfiguration with a positive TargetValue is required for a TargetTrackingScaling policy')
  }
  const metric = `DynamoDB${/ReadCapacityUnits$/.test(data.ScalableDimension) ? 'Read' : 'Write'}CapacityUtilization`
  if (configuration.PredefinedMetricSpecification?.PredefinedMetricType !== metric) {
    throw validation(`The predefined metric type for ${data.ScalableDimension} must be ${metric}`)
  }
  for (const seconds of [ 'ScaleInCooldown', 'ScaleOutCooldown' ]) {
    if (configuration[seconds] != null && !(Number.isInteger(configuration[seconds]) && configuration[seconds] >= 0)) throw validation(`${seconds} must be a whole number of seconds, at least 0`)
  }
  const named = policies.get(key(ctx, data)) || new Map()
  const existing = named.get(data.PolicyName)
  const policy = {
    PolicyARN: existing?.PolicyARN || `arn:aws:autoscaling:${ctx.region}:000000000000:scalingPolicy:${Math.random().toString(16).slice(2, 14)}:resource/dynamodb/${data.ResourceId}:policyName/${data.PolicyName}`,
    PolicyName: data.PolicyName,
    ServiceNamespace: 'dynamodb',
    ResourceId: data.ResourceId,
    ScalableDimension: data.ScalableDimension,
    PolicyType: data.PolicyType,
    TargetTrackingScalingPolicyConfiguration: configuration,
    Alarms: [],
    CreationTime: existing?.CreationTime ?? ctx.clock.now() / 1000,
  }
  named.set(data.PolicyName, policy)
  policies.set(key(ctx, data), named)
  return { PolicyARN: policy.PolicyARN, Alarms: [] }
}

async function describeScalingPolicies (ctx, data) {
  if (data.ServiceNamespace !== 'dynamodb') throw validation(`Unsupported service namespace ${data.ServiceNamespace}: this local server knows dynamodb only`)
  const matching = [ ...policies ].filter(([ at ]) => at.startsWith(`${ctx.region} `)).flatMap(([ , named ]) => [ ...named.values() ]).filter((policy) =>
    (!data.ResourceId || policy.ResourceId === data.ResourceId) && (!data.ScalableDimension || policy.ScalableDimension === data.ScalableDimension) &&
    (!data.PolicyNames || data.PolicyNames.includes(policy.PolicyName)))
  const start = Number(data.NextToken || 0)
  const size = data.MaxResults || 50
  const page = matching.slice(start, start + size)
  return start + size < matching.length ? { ScalingPolicies: page, NextToken: String(start + size) } : { ScalingPolicies: page }
}

async function deleteScalingPolicy (ctx, data) {
  checkResource(data)
  if (!policies.get(key(ctx, data))?.delete(data.PolicyName)) {
    throw errors.awsError(PREFIX + 'ObjectNotFoundException', `No scaling policy found for service namespace: dynamodb, resource ID: ${data.ResourceId}, scalable dimension: ${data.ScalableDimension}, policy name: ${data.PolicyName}`)
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
    PutScalingPolicy: putScalingPolicy,
    DescribeScalingPolicies: describeScalingPolicies,
    DeleteScalingPolicy: deleteScalingPolicy,
  },
  registered,
}
