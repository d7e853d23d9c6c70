'use strict'
// Kinesis Data Streams destinations of a table: Enable-, Update-, Disable- and DescribeKinesisStreamingDestination, per
// the DynamoDB API reference (ENABLING then ACTIVE, UPDATING then ACTIVE, DISABLING then DISABLED, after the update
// delay). There is no Kinesis here: the destinations are kept and described, and no record is sent.
const errors = require('../errors')

const PRECISIONS = [ 'MILLISECOND', 'MICROSECOND' ]
const STREAM_ARN = /^arn:aws[\w-]*:kinesis:[a-z0-9-]+:\d{12}:stream\/[a-zA-Z0-9_.-]{1,128}$/

function checkRequest (raw, configuration) {
  if (typeof raw.TableName !== 'string') throw errors.notNull('tableName')
  if (typeof raw.StreamArn !== 'string') throw errors.notNull('streamArn')
  if (!STREAM_ARN.test(raw.StreamArn)) throw errors.validation(`Invalid StreamArn: ${raw.StreamArn}`)
  const precision = raw[configuration] && raw[configuration].ApproximateCreationDateTimePrecision
  if (precision != null && !PRECISIONS.includes(precision)) {
    throw errors.notInEnum(`${configuration[0].toLowerCase() + configuration.slice(1)}.approximateCreationDateTimePrecision`, precision, PRECISIONS)
  }
  return precision
}

// Changes one destination under the table's lock; `settle` is its status once the update delay has passed.
async function change (ctx, raw, work, settle) {
  return ctx.tables.withLock(raw.TableName, async () => {
    const { table } = await ctx.tables.getActive(raw.TableName)
    const destinations = (table._kinesisDestinations || []).map((d) => ({ ...d }))
    const destination = destinations.find((d) => d.StreamArn === raw.StreamArn)
    const changed = work(destinations, destination)
    table._kinesisDestinations = destinations
    await ctx.tables.put(table.TableName, table)
    const pending = changed.DestinationStatus
    ctx.tables.later(table.TableName, ctx.delays.update, (later) => {
      const kept = (later._kinesisDestinations || []).find((d) => d.StreamArn === raw.StreamArn)
      if (kept && kept.DestinationStatus === pending) kept.DestinationStatus = settle
    })
    return { TableName: table.TableName, StreamArn: raw.StreamArn, DestinationStatus: pending, ...changed.configuration }
  })
}

const isOn = (d) => d && [ 'ENABLING', 'ACTIVE', 'UPDATING' ].includes(d.DestinationStatus)

function enableKinesisStreamingDestination (ctx, raw) {
  const precision = checkRequest(raw, 'EnableKinesisStreamingConfiguration')
  return change(ctx, raw, (destinations, destination) => {
    if (isOn(destination)) throw errors.validation(`Table ${raw.TableName} is already streaming to ${raw.StreamArn}`)
    const fresh = { StreamArn: raw.StreamArn, DestinationStatus: 'ENABLING', ApproximateCreationDateTimePrecision: precision || PRECISIONS[0] }
    if (destination) Object.assign(destination, fresh)
    else destinations.push(fresh)
    return { DestinationStatus: 'ENABLING', configuration: { EnableKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: fresh.ApproximateCreationDateTimePrecision } } }
  }, 'ACTIVE')
}

function updateKinesisStreamingDestination (ctx, raw) {
  const precision = checkRequest(raw, 'UpdateKinesisStreamingConfiguration')
  return change(ctx, raw, (destinations, destination) => {
    if (!destination || destination.DestinationStatus !== 'ACTIVE') {
      throw errors.validation(`Table ${raw.TableName} has no ACTIVE streaming destination ${raw.StreamArn} to update`)
    }
    Object.assign(destination, { DestinationStatus: 'UPDATING', ApproximateCreationDateTimePrecision: precision || destination.ApproximateCreationDateTimePrecision })
    return { DestinationStatus: 'UPDATING', configuration: { UpdateKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: destination.ApproximateCreationDateTimePrecision } } }
  }, 'ACTIVE')
}

function disableKinesisStreamingDestination (ctx, raw) {
  checkRequest(raw, 'EnableKinesisStreamingConfiguration')
  return change(ctx, raw, (destinations, destination) => {
    if (!isOn(destination)) throw errors.validation(`Table ${raw.TableName} is not streaming to ${raw.StreamArn}`)
    destination.DestinationStatus = 'DISABLING'
    return { DestinationStatus: 'DISABLING', configuration: {} }
  }, 'DISABLED')
}

async function describeKinesisStreamingDestination (ctx, raw) {
  const table = await ctx.tables.get(raw.TableName)
  return { TableName: table.TableName, KinesisDataStreamDestinations: table._kinesisDestinations || [] }
}

module.exports = { enableKinesisStreamingDestination, updateKinesisStreamingDestination, disableKinesisStreamingDestination, describeKinesisStreamingDestination }
