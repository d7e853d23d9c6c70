// Usage: node streams.mjs ENDPOINT TABLE. Writes through the DynamoDB client (a put, a transaction, a PartiQL insert),
// reads the table's stream back through the DynamoDB Streams client, and prints what it read as JSON.
import { DynamoDBClient, CreateTableCommand, DescribeTableCommand, PutItemCommand, TransactWriteItemsCommand, ExecuteStatementCommand } from '@aws-sdk/client-dynamodb'
import { DynamoDBStreamsClient, ListStreamsCommand, DescribeStreamCommand, GetShardIteratorCommand, GetRecordsCommand } from '@aws-sdk/client-dynamodb-streams'

const [ endpoint, table ] = process.argv.slice(2)
const config = { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
const dynamodb = new DynamoDBClient(config)
const streams = new DynamoDBStreamsClient(config)

await dynamodb.send(new CreateTableCommand({
  TableName: table,
  KeySchema: [ { AttributeName: 'id', KeyType: 'HASH' } ],
  AttributeDefinitions: [ { AttributeName: 'id', AttributeType: 'S' } ],
  BillingMode: 'PAY_PER_REQUEST',
  StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
}))
while ((await dynamodb.send(new DescribeTableCommand({ TableName: table }))).Table.TableStatus !== 'ACTIVE') await new Promise((r) => setTimeout(r, 50))
await dynamodb.send(new PutItemCommand({ TableName: table, Item: { id: { S: 'put' } } }))
await dynamodb.send(new TransactWriteItemsCommand({ TransactItems: [ { Put: { TableName: table, Item: { id: { S: 'transaction' } } } } ] }))
await dynamodb.send(new ExecuteStatementCommand({ Statement: `INSERT INTO "${table}" VALUE {'id': ?}`, Parameters: [ { S: 'partiql' } ] }))

const { Streams } = await streams.send(new ListStreamsCommand({ TableName: table }))
const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: Streams[0].StreamArn }))
const { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: StreamDescription.StreamArn, ShardId: StreamDescription.Shards[0].ShardId, ShardIteratorType: 'TRIM_HORIZON' }))
const { Records, NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator }))
console.log(JSON.stringify({
  streamStatus: StreamDescription.StreamStatus,
  records: Records.map((r) => ({ eventName: r.eventName, id: r.dynamodb.Keys.id.S, created: r.dynamodb.ApproximateCreationDateTime instanceof Date })),
  hasNext: !!NextShardIterator,
}))
