'use strict'
// Stream, SSE, table class, deletion protection and throughput settings, as AWS validates and reports them.
const errors = require('../errors')
const { checkPolicy } = require('./resourcePolicies')

const VIEW_TYPES = [ 'KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES' ]
const TABLE_CLASSES = [ 'STANDARD', 'STANDARD_INFREQUENT_ACCESS' ]

function checkStream (spec) {
  if (typeof spec.StreamEnabled !== 'boolean') throw errors.validation('StreamSpecification.StreamEnabled is required')
  if (spec.StreamEnabled && !VIEW_TYPES.includes(spec.StreamViewType)) {
    throw errors.validation('One or more parameter values were invalid: StreamViewType is required when StreamEnabled is true')
  }
  if (!spec.StreamEnabled && spec.StreamViewType) {
    throw errors.validation('One or more parameter values were invalid: StreamViewType cannot be specified when StreamEnabled is false')
  }
}

function checkTableClass (tableClass) {
  if (!TABLE_CLASSES.includes(tableClass)) {
    throw errors.notInEnum('tableClass', tableClass, TABLE_CLASSES)
  }
}

function parseCreateExtras (raw) {
  const extras = {}
  if (raw.StreamSpecification) { checkStream(raw.StreamSpecification); extras.StreamSpecification = raw.StreamSpecification }
  if (raw.TableClass != null) { checkTableClass(raw.TableClass); extras.TableClass = raw.TableClass }
  for (const key of [ 'SSESpecification', 'DeletionProtectionEnabled', 'OnDemandThroughput', 'WarmThroughput', 'Tags' ]) {
    if (raw[key] != null) extras[key] = raw[key]
  }
  if (raw.ResourcePolicy != null) extras.ResourcePolicy = checkPolicy(raw.ResourcePolicy)
  return extras
}

function enableStream (table, viewType, ctx) {
  const label = new Date(ctx.clock.now()).toISOString().replace('Z', '')
  table.StreamSpecification = { StreamEnabled: true, StreamViewType: viewType }
  table.LatestStreamLabel = label
  table.LatestStreamArn = `${table.TableArn}/stream/${label}`
}

function sseDescription (spec, table, status) {
  if (!spec.Enabled) return undefined
  const [ , , , region, account ] = table.TableArn.split(':')
  return { Status: status, SSEType: 'KMS', KMSMasterKeyArn: kmsKeyArn(spec.KMSMasterKeyId || 'alias/aws/dynamodb', region, account) }
}

// A KMS key given by id, alias or ARN, as the ARN DynamoDB reports.
function kmsKeyArn (key, region, account) {
  return key.startsWith('arn:') ? key : `arn:aws:kms:${region}:${account}:${key.startsWith('alias/') ? key : 'key/' + key}`
}

// The table record fields that stand for the create-time extras, as DescribeTable shows them.
function describeCreateExtras (data, extras, ctx) {
  const region = ctx.store.tableDb.awsRegion, account = ctx.store.tableDb.awsAccountId
  const table = { TableArn: `arn:aws:dynamodb:${region}:${account}:table/${data.TableName}` }
  const out = { DeletionProtectionEnabled: extras.DeletionProtectionEnabled === true }
  if (extras.StreamSpecification && extras.StreamSpecification.StreamEnabled) {
    enableStream(table, extras.StreamSpecification.StreamViewType, ctx)
    Object.assign(out, { StreamSpecification: table.StreamSpecification, LatestStreamLabel: table.LatestStreamLabel, LatestStreamArn: table.LatestStreamArn })
  }
  if (extras.SSESpecification) {
    const sse = sseDescription(extras.SSESpecification, table, 'ENABLED')
    if (sse) out.SSEDescription = sse
  }
  if (extras.TableClass) out.TableClassSummary = { TableClass: extras.TableClass }
  if (extras.OnDemandThroughput) out.OnDemandThroughput = extras.OnDemandThroughput
  if (extras.WarmThroughput) out.WarmThroughput = { ...extras.WarmThroughput, Status: 'ACTIVE' }
  if (extras.ResourcePolicy) out._resourcePolicies = { table: { policy: extras.ResourcePolicy, revisionId: String(ctx.clock.now()) } }
  return out
}

module.exports = { checkStream, checkTableClass, parseCreateExtras, describeCreateExtras, enableStream, sseDescription, kmsKeyArn }
