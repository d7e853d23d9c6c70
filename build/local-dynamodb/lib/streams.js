'use strict'
// DynamoDB Streams: a record for every change to an item of a table whose stream is on, with the stream's view type,
// read through the Streams API (ListStreams, DescribeStream, GetShardIterator, GetRecords) at the same address, as the
// SDKs' streams clients call it (target DynamoDBStreams_20120810). One shard a stream; enabling a stream again makes a
// new stream with a new shard, and the old one stays readable, DISABLED, for its 24 hours
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html). Streams live in memory, even when the
// tables are kept in a data folder.
const crypto = require('crypto')
const { AsyncLocalStorage } = require('async_hooks')
const errors = require('./errors')
const { tableNames } = require('./tableNames')
const { keyOf, sorted, sameItem } = require('./tables')

const RETENTION_S = 24 * 3600
const ITERATOR_LIFETIME_MS = 15 * 60 * 1000
const MAX_RECORDS = 1000
// What AWS puts in the record of a deletion made by TTL.
const TTL_IDENTITY = { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' }

function notFound (what) {
  return errors.awsError('com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', `Requested resource not found: ${what}`)
}

function createStreams (ctx) {
  const streams = new Map()
  const context = new AsyncLocalStorage()
  let sequence = 0

  function register (table) {
    let stream = streams.get(table.LatestStreamArn)
    if (!stream) {
      stream = {
        arn: table.LatestStreamArn,
        label: table.LatestStreamLabel,
        tableName: table.TableName,
        keySchema: table.KeySchema,
        viewType: table.StreamSpecification.StreamViewType,
        createdAt: Date.parse(table.LatestStreamLabel + 'Z') / 1000,
        shardId: `shardId-${String(Date.parse(table.LatestStreamLabel + 'Z')).padStart(20, '0')}-${crypto.randomBytes(4).toString('hex')}`,
        records: [],
        firstSequence: null,
        trimmedThrough: null,
        disabled: false,
      }
      streams.set(stream.arn, stream)
    }
    return stream
  }

  const enabled = (table) => !!(table && table.StreamSpecification && table.StreamSpecification.StreamEnabled && table.LatestStreamArn)

  // The table's current stream ends: its stream is turned off or replaced, or the table is deleted.
  function retire (table) {
    if (enabled(table)) register(table).disabled = true
  }

  function trim (stream) {
    const oldest = ctx.clock.now() / 1000 - RETENTION_S
    while (stream.records.length && stream.records[0].dynamodb.ApproximateCreationDateTime < oldest) {
      stream.trimmedThrough = BigInt(stream.records.shift().dynamodb.SequenceNumber)
    }
  }

  // Called by the item store after every put and delete, before the write is answered, so the records of one item are
  // in the order of its writes. A write that changes nothing makes no record, as in AWS.
  // Given the table record its write was made in (read once for streams and replication, captureItemWrites).
  async function capture (table, oldItem, newItem) {
    if (!enabled(table)) return
    const stream = register(table)
    const item = newItem || oldItem
    const viewType = stream.viewType
    const dynamodb = {
      ApproximateCreationDateTime: Math.floor(ctx.clock.now() / 1000),
      Keys: keyOf(item, table),
    }
    if (newItem && (viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES')) dynamodb.NewImage = newItem
    if (oldItem && (viewType === 'OLD_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES')) dynamodb.OldImage = oldItem
    dynamodb.SizeBytes = Buffer.byteLength(JSON.stringify([ dynamodb.Keys, dynamodb.NewImage, dynamodb.OldImage ]))
    dynamodb.StreamViewType = viewType
    const record = {
      eventID: crypto.randomBytes(16).toString('hex'),
      eventName: !oldItem ? 'INSERT' : !newItem ? 'REMOVE' : 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: ctx.store.tableDb.awsRegion,
      dynamodb,
    }
    if (!newItem && serviceDeletes.has(serviceDeleteId(table.TableName, dynamodb.Keys))) record.userIdentity = TTL_IDENTITY
    const scope = context.getStore()
    const append = () => {
      record.dynamodb.SequenceNumber = String(++sequence).padStart(21, '0')
      if (stream.firstSequence == null) stream.firstSequence = record.dynamodb.SequenceNumber
      stream.records.push(record)
    }
    if (scope && scope.pending) scope.pending.push(append)
    else append()
  }

  // Runs a transaction's writes: their records are written only if it commits, and none of the writes that undo it.
  async function transaction (work) {
    const scope = { pending: [] }
    const result = await context.run(scope, work)
    for (const append of scope.pending) append()
    return result
  }

  // Runs a deletion made by DynamoDB itself (TTL): its record names the service. Known by table and key, not by async
  // context: dynalite's per-item lock runs a delete that waited for it in the context of the write that released it.
  const serviceDeletes = new Set()
  const serviceDeleteId = (tableName, key) => JSON.stringify([ tableName, sorted(key) ])
  async function asService (tableName, key, work) {
    const id = serviceDeleteId(tableName, key)
    serviceDeletes.add(id)
    try { return await work() } finally { serviceDeletes.delete(id) }
  }

  async function currentStreams () {
    for (const name of await tableNames(ctx)) {
      const table = await ctx.tables.get(name).catch(() => null)
      if (enabled(table)) register(table)
    }
    const oldest = ctx.clock.now() / 1000 - RETENTION_S
    return [ ...streams.values() ].filter((s) => !s.disabled || s.records.some((r) => r.dynamodb.ApproximateCreationDateTime >= oldest) || s.createdAt >= oldest)
  }

  async function streamOf (arn) {
    const stream = (await currentStreams()).find((s) => s.arn === arn)
    if (!stream) throw notFound(`Stream: ${arn} not found`)
    trim(stream)
    return stream
  }

  async function listStreams (raw) {
    const all = (await currentStreams()).filter((s) => !raw.TableName || s.tableName === raw.TableName)
    const from = raw.ExclusiveStartStreamArn ? all.findIndex((s) => s.arn === raw.ExclusiveStartStreamArn) + 1 : 0
    const limit = raw.Limit || 100
    const page = all.slice(from, from + limit)
    const answer = { Streams: page.map((s) => ({ StreamArn: s.arn, TableName: s.tableName, StreamLabel: s.label })) }
    if (from + limit < all.length) answer.LastEvaluatedStreamArn = page[page.length - 1].arn
    return answer
  }

  async function describeStream (raw) {
    const stream = await streamOf(raw.StreamArn)
    const range = { StartingSequenceNumber: stream.firstSequence || String(sequence + 1).padStart(21, '0') }
    if (stream.disabled) range.EndingSequenceNumber = stream.records.length ? stream.records[stream.records.length - 1].dynamodb.SequenceNumber : range.StartingSequenceNumber
    return {
      StreamDescription: {
        StreamArn: stream.arn,
        StreamLabel: stream.label,
        StreamStatus: stream.disabled ? 'DISABLED' : 'ENABLED',
        StreamViewType: stream.viewType,
        CreationRequestDateTime: stream.createdAt,
        TableName: stream.tableName,
        KeySchema: stream.keySchema,
        Shards: [ { ShardId: stream.shardId, SequenceNumberRange: range } ],
      },
    }
  }

  // An iterator names the stream, the shard, the sequence number to read after, and when it was issued.
  function iterator (stream, after) {
    return Buffer.from(JSON.stringify({ arn: stream.arn, shard: stream.shardId, after, issued: ctx.clock.now() })).toString('base64')
  }

  async function getShardIterator (raw) {
    const stream = await streamOf(raw.StreamArn)
    if (raw.ShardId !== stream.shardId) throw notFound(`Shard: ${raw.ShardId} in Stream: ${raw.StreamArn} not found`)
    const last = stream.records.length ? stream.records[stream.records.length - 1].dynamodb.SequenceNumber : null
    const needsNumber = raw.ShardIteratorType === 'AT_SEQUENCE_NUMBER' || raw.ShardIteratorType === 'AFTER_SEQUENCE_NUMBER'
    if (needsNumber && !/^\d{21,40}$/.test(raw.SequenceNumber || '')) throw errors.validation('A SequenceNumber of digits is required for ' + raw.ShardIteratorType)
    if (needsNumber && stream.trimmedThrough != null && BigInt(raw.SequenceNumber) <= stream.trimmedThrough) {
      throw errors.awsError('TrimmedDataAccessException', 'The requested sequence number is beyond the trim horizon of the stream.')
    }
    const afterOf = {
      TRIM_HORIZON: () => '0',
      LATEST: () => last || String(sequence).padStart(21, '0'),
      AT_SEQUENCE_NUMBER: () => (BigInt(raw.SequenceNumber) - 1n).toString().padStart(21, '0'),
      AFTER_SEQUENCE_NUMBER: () => raw.SequenceNumber,
    }[raw.ShardIteratorType]
    if (!afterOf) throw errors.notInEnum('shardIteratorType', raw.ShardIteratorType, [ 'AFTER_SEQUENCE_NUMBER', 'AT_SEQUENCE_NUMBER', 'LATEST', 'TRIM_HORIZON' ])
    return { ShardIterator: iterator(stream, afterOf()) }
  }

  async function getRecords (raw) {
    let position
    try { position = JSON.parse(Buffer.from(String(raw.ShardIterator), 'base64').toString('utf8')) } catch { position = null }
    if (!position || !position.arn || !position.after) throw errors.validation('Invalid ShardIterator')
    if (ctx.clock.now() - position.issued > ITERATOR_LIFETIME_MS) {
      throw errors.awsError('ExpiredIteratorException', 'Iterator expired. The iterator was created more than 15 minutes ago.')
    }
    const stream = await streamOf(position.arn)
    const limit = Math.min(raw.Limit || MAX_RECORDS, MAX_RECORDS)
    const after = BigInt(position.after)
    const records = stream.records.filter((r) => BigInt(r.dynamodb.SequenceNumber) > after).slice(0, limit)
    const next = records.length ? records[records.length - 1].dynamodb.SequenceNumber : position.after
    const answer = { Records: records }
    // A closed shard read to its end has no next iterator: the reader moves on, as from a shard AWS closed.
    const drained = stream.disabled && !stream.records.some((r) => BigInt(r.dynamodb.SequenceNumber) > BigInt(next))
    if (!drained) answer.NextShardIterator = iterator(stream, next)
    return answer
  }

  return {
    capture,
    retire,
    transaction,
    asService,
    operations: { ListStreams: listStreams, DescribeStream: describeStream, GetShardIterator: getShardIterator, GetRecords: getRecords },
  }
}

// Every put and delete of an item, whichever operation makes it, goes through the item store that dynalite's actions
// ask the store for: wrapped here, it reports the item before and after to onWrite (streams, then replication), with
// the table record read once; a write that changes nothing, or a table deleted meanwhile, is not reported.
function captureItemWrites (store, tables, onWrite) {
  const getItemDb = store.getItemDb
  store.getItemDb = function (name) {
    const itemDb = getItemDb.call(store, name)
    if (itemDb._streamed) return itemDb
    const { get, put, del } = itemDb
    const before = (key) => new Promise((resolve, reject) => get.call(itemDb, key, (err, item) => err && err.name !== 'NotFoundError' ? reject(err) : resolve(item || null)))
    const written = (key, after, write, callback) => {
      before(key).then((old) => new Promise((resolve, reject) => write((err) => err ? reject(err) : resolve(old))))
        .then(async (old) => {
          if ((!old && !after) || sameItem(old, after)) return
          const table = await tables.get(name).catch((err) => { if (err.body) return null; throw err })
          if (table) await onWrite(table, old, after)
        })
        .then(() => callback(null), (err) => callback(err))
    }
    itemDb.put = (key, value, callback) => written(key, value, (done) => put.call(itemDb, key, value, done), callback)
    itemDb.del = (key, callback) => written(key, null, (done) => del.call(itemDb, key, done), callback)
    itemDb._streamed = true
    return itemDb
  }
}

module.exports = { createStreams, captureItemWrites }
