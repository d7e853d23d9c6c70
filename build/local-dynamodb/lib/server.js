'use strict'
// The local DynamoDB: an HTTP server on 127.0.0.1 that answers with dynalite, plus the operations in ./operations,
// and Application Auto Scaling's scalable targets for its tables at the same address. Each request is answered by the
// region it is signed for (./regions.js).
const http = require('http')
const crypto = require('crypto')
const { crc32 } = require('zlib')
const { publicView } = require('./tables')
const clock = require('./clock')
const errors = require('./errors')
const Admin = require('./admin')
const createTable = require('./operations/createTable')
const query = require('./operations/query')
const updateTable = require('./operations/updateTable')
const deleteTable = require('./operations/deleteTable')
const { updateTimeToLive, describeTimeToLive } = require('./operations/timeToLive')
const { updateContinuousBackups, describeContinuousBackups } = require('./operations/continuousBackups')
const backups = require('./operations/backups')
const contributorInsights = require('./operations/contributorInsights')
const resourcePolicies = require('./operations/resourcePolicies')
const kinesisDestinations = require('./operations/kinesisDestinations')
const scalableTargets = require('./operations/scalableTargets')
const { createRegions, signingRegion } = require('./regions')

const PROFILES = {
  instant: { create: 0, update: 0, delete: 0, index: 0 },
  realistic: { create: 1000, update: 1000, delete: 1000, index: 1000 },
}

// The SDKs check a CRC32 of every body; dynalite answers tag changes with '""', which the .NET SDK rejects.
const EMPTY_BODY = Symbol('empty body')

const RULES = require('./rules')
const OPERATIONS = {
  CreateTable: createTable,
  UpdateTable: updateTable,
  DeleteTable: deleteTable,
  Query: query,
  UpdateTimeToLive: updateTimeToLive,
  DescribeTimeToLive: describeTimeToLive,
  UpdateContinuousBackups: updateContinuousBackups,
  DescribeContinuousBackups: describeContinuousBackups,
  UpdateContributorInsights: contributorInsights.updateContributorInsights,
  DescribeContributorInsights: contributorInsights.describeContributorInsights,
  ListContributorInsights: contributorInsights.listContributorInsights,
  PutResourcePolicy: resourcePolicies.putResourcePolicy,
  GetResourcePolicy: resourcePolicies.getResourcePolicy,
  DeleteResourcePolicy: resourcePolicies.deleteResourcePolicy,
  EnableKinesisStreamingDestination: kinesisDestinations.enableKinesisStreamingDestination,
  UpdateKinesisStreamingDestination: kinesisDestinations.updateKinesisStreamingDestination,
  DisableKinesisStreamingDestination: kinesisDestinations.disableKinesisStreamingDestination,
  DescribeKinesisStreamingDestination: kinesisDestinations.describeKinesisStreamingDestination,
  CreateBackup: backups.createBackup,
  DescribeBackup: backups.describeBackup,
  ListBackups: backups.listBackups,
  DeleteBackup: backups.deleteBackup,
  RestoreTableFromBackup: (ctx, raw) => backups.restoreTableFromBackup(ctx, raw, createTable),
  TagResource: async (ctx, raw) => { await ctx.dynalite.run('TagResource', ctx.dynalite.validate('TagResource', raw)); return EMPTY_BODY },
  UntagResource: async (ctx, raw) => { await ctx.dynalite.run('UntagResource', ctx.dynalite.validate('UntagResource', raw)); return EMPTY_BODY },
  TransactWriteItems: (ctx, raw) => ctx.transactions.transactWriteItems(raw),
  TransactGetItems: (ctx, raw) => ctx.transactions.transactGetItems(raw),
  ExecuteStatement: (ctx, raw) => ctx.partiql.executeStatement(raw),
  BatchExecuteStatement: (ctx, raw) => ctx.partiql.batchExecuteStatement(raw),
  ExecuteTransaction: (ctx, raw) => ctx.partiql.executeTransaction(raw),
}

// How each item operation holds the item lock (lib/itemLock.js); the others do not take it.
const ITEM_LOCK = {
  TransactWriteItems: 'exclusive',
  TransactGetItems: 'exclusive',
  ExecuteTransaction: 'exclusive',
  ExecuteStatement: 'shared',
  BatchExecuteStatement: 'shared',
  PutItem: 'shared',
  UpdateItem: 'shared',
  DeleteItem: 'shared',
  BatchWriteItem: 'shared',
  GetItem: 'shared',
}

function createLocalDynamoDb (options = {}) {
  const delays = { ...PROFILES[options.profile || 'instant'], ...options.delays }
  const regions = createRegions({ dataPath: options.path, delays, ttlSweepMs: options.ttlSweepMs ?? 5000 })
  function setDelays (changes) {
    Object.assign(delays, changes)
    regions.setDelays()
    return delays
  }

  const admin = options.admin ? new Admin(setDelays, clock) : null

  function answer (ctx, service, operation, raw) {
    const lock = service === 'DynamoDB_20120810' && ITEM_LOCK[operation]
    return lock ? ctx.itemLock[lock](() => answerUnlocked(ctx, service, operation, raw)) : answerUnlocked(ctx, service, operation, raw)
  }

  async function answerUnlocked (ctx, service, operation, raw) {
    if (service === 'AnyScaleFrontendService') {
      if (!scalableTargets.operations[operation]) throw errors.awsError('com.amazon.coral.service#UnknownOperationException', `Unknown operation ${operation}`)
      return scalableTargets.operations[operation](ctx, raw)
    }
    if (service === 'DynamoDBStreams_20120810') {
      if (!ctx.streams.operations[operation]) throw errors.awsError('com.amazon.coral.service#UnknownOperationException', `Unknown operation ${operation}`)
      return ctx.streams.operations[operation](raw)
    }
    const handler = OPERATIONS[operation]
    // AWS checks the input before anything else: a name that is not a string never reaches a table lock. Where the
    // rules cover every field, the operation gets the checked values (AWS reads "true", "yes" and 1 as true).
    // The others get the request as sent, for the fields the rules do not name, and the checked values beside it.
    const rules = RULES[operation]
    const checked = rules && ctx.dynalite.check(rules, raw)
    if (handler) return rules && rules.complete ? handler(ctx, checked) : handler(ctx, raw, checked)
    if (!ctx.dynalite.supports(operation)) throw errors.awsError('com.amazon.coral.service#UnknownOperationException', `Unknown operation ${operation}`)
    return ctx.dynalite.run(operation, ctx.dynalite.validate(operation, raw))
  }

  async function handle (req, body) {
    if (req.method === 'GET' && req.url === '/') return { status: 200, text: 'healthy: dynamodb.us-east-1.amazonaws.com ' }
    if (admin && req.url.startsWith('/__admin/')) {
      const parsed = body ? JSON.parse(body) : {}
      const result = admin.handle(req.method, req.url, parsed)
      return result === undefined ? { status: 404, json: { message: 'unknown admin route' } } : { status: 200, json: result }
    }
    const target = (req.headers['x-amz-target'] || '').split('.')
    if (req.method !== 'POST' || target.length !== 2) throw errors.awsError('com.amazon.coral.service#UnknownOperationException', 'Unknown operation')
    const operation = target[1]
    const fault = admin && await admin.onRequest(operation)
    // 'Hang' never answers: for tests of client time-outs and cancellation.
    if (fault && fault.error === 'Hang') return new Promise(() => {})
    if (fault) throw errors.injected(fault.error, fault.message)
    if (!/^AWS4-/.test((req.headers.authorization || '').trim())) {
      throw errors.awsError('com.amazon.coral.service#MissingAuthenticationTokenException', 'Request is missing Authentication Token')
    }
    let raw
    try { raw = JSON.parse(body || '') }
    catch { throw errors.awsError('com.amazon.coral.service#SerializationException', 'Malformed request body') }
    const held = admin && operation === 'BatchWriteItem' ? admin.holdBack(raw) : null
    const result = await answer(regions.get(signingRegion(req.headers.authorization)), target[0], operation, raw)
    if (held) result.UnprocessedItems = held
    if (result === EMPTY_BODY) return { status: 200, text: '' }
    if (result && result.Table) result.Table = publicView(result.Table)
    if (result && result.TableDescription) result.TableDescription = publicView(result.TableDescription)
    return { status: 200, json: result }
  }

  function send (res, { status, json, text }) {
    const body = json === undefined ? text : JSON.stringify(json)
    res.statusCode = status
    res.setHeader('x-amzn-RequestId', crypto.randomBytes(26).toString('hex').toUpperCase())
    res.setHeader('x-amz-crc32', crc32(body))
    res.setHeader('Content-Type', 'application/x-amz-json-1.0')
    res.setHeader('Content-Length', Buffer.byteLength(body, 'utf8'))
    res.end(body)
  }

  const server = http.createServer((req, res) => {
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => {
      handle(req, Buffer.concat(chunks).toString('utf8')).then(
        (reply) => send(res, reply),
        (err) => {
          if (!err.body) console.error(err.stack || err)
          send(res, err.body ? { status: err.statusCode, json: err.body } : { status: 500, json: { __type: 'com.amazon.coral.service#InternalFailure', message: String(err.message) } })
        })
    })
  })

  return {
    server,
    listen (port = 8000) {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`))
      })
    },
    close () {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => regions.close().then(() => resolve())))
    },
  }
}

module.exports = { createLocalDynamoDb, PROFILES }
