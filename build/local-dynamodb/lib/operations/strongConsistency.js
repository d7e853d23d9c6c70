'use strict'
// Multi-Region strong consistency (MRSC), as the DynamoDB API reference and developer guide state it (worded here, not
// measured against AWS): UpdateTable with MultiRegionConsistency STRONG adds a table's replicas, and its witness
// (GlobalTableWitnessUpdates), in one request, to a table with no replicas and no items; the table's own region and the
// others are exactly three (three replicas, or two and a witness), all in one region set; one witness a table, in a
// region of its own. Once made, the consistency never changes, and the replicas and witness are removed only all
// together, leaving a single-region table. A replica's own settings change as in any global table. Each member shows
// MultiRegionConsistency and GlobalTableWitnesses; a witness keeps no table a client can reach.
const errors = require('../errors')

const STRONG = 'STRONG'
const REGION_SETS = [
  [ 'us-east-1', 'us-east-2', 'us-west-2' ],
  [ 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1' ],
  [ 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3' ],
]

const involved = (table, data) => table.MultiRegionConsistency === STRONG || data.MultiRegionConsistency === STRONG || (data.GlobalTableWitnessUpdates || []).length > 0

// members: { addReplica, updateReplica, removeReplica } of lib/operations/replicas.js.
async function update (ctx, table, data, members) {
  const updates = data.ReplicaUpdates || []
  const witnesses = data.GlobalTableWitnessUpdates || []
  if (witnesses.length > 1) throw errors.validation('One or more parameter values were invalid: only one witness can be created or deleted in an UpdateTable request')
  if (table.MultiRegionConsistency !== STRONG) return make(ctx, table, data, members)
  if (data.MultiRegionConsistency != null) throw errors.validation(`The MultiRegionConsistency of a global table cannot be changed: table ${table.TableName} is ${STRONG}`)
  if (updates.some((u) => u.Create) || witnesses.some((u) => u.Create)) {
    throw errors.validation(`An MRSC global table's Regions are set when it is made: no replica or witness can be added to table ${table.TableName}`)
  }
  if (updates.length === 1 && updates[0].Update && witnesses.length === 0) return members.updateReplica(ctx, table, updates[0].Update.RegionName, updates[0].Update)
  const removed = updates.filter((u) => u.Delete).map((u) => u.Delete.RegionName).sort()
  const witness = (table.GlobalTableWitnesses || [])[0]
  const current = (table.Replicas || []).map((r) => r.RegionName).sort()
  const witnessRemoved = witnesses.length === 1 && witnesses[0].Delete && witness && witnesses[0].Delete.RegionName === witness.RegionName
  if (removed.length !== updates.length || JSON.stringify(removed) !== JSON.stringify(current) || (witness ? !witnessRemoved : witnesses.length > 0)) {
    throw errors.validation(`An MRSC global table's replicas${witness ? ' and witness' : ''} are removed all together, in one request, leaving a single-Region table: table ${table.TableName} has replicas in ${current.join(', ')}${witness ? ` and a witness in ${witness.RegionName}` : ''}`)
  }
  for (const region of removed) await members.removeReplica(ctx, table, region)
  if (witness) table.GlobalTableWitnesses = [ { RegionName: witness.RegionName, WitnessStatus: 'DELETING' } ]
}

async function make (ctx, table, data, members) {
  const updates = data.ReplicaUpdates || []
  const witness = (data.GlobalTableWitnessUpdates || [])[0]
  if (data.MultiRegionConsistency !== STRONG) throw errors.validation('GlobalTableWitnessUpdates can only be used to create an MRSC global table (MultiRegionConsistency STRONG) or to delete one with its replicas')
  if ((table.Replicas || []).length) throw errors.validation(`The MultiRegionConsistency of a global table cannot be changed: table ${table.TableName} already has replicas`)
  if (updates.some((u) => !u.Create) || (witness && !witness.Create)) throw errors.validation('One or more parameter values were invalid: an MRSC global table is made with Create actions only')
  const replicas = updates.map((u) => u.Create.RegionName)
  const witnessRegion = witness && witness.Create.RegionName
  const regions = [ ctx.region, ...replicas, ...(witnessRegion ? [ witnessRegion ] : []) ]
  if (regions.length !== 3 || new Set(regions).size !== 3) {
    throw errors.validation('An MRSC global table is in exactly three Regions: three replicas, or two replicas and one witness, each in a Region of its own')
  }
  if (!REGION_SETS.some((set) => regions.every((region) => set.includes(region)))) {
    throw errors.validation(`An MRSC global table's Regions must be in one Region set (US: us-east-1, us-east-2, us-west-2; EU: eu-west-1, eu-west-2, eu-west-3, eu-central-1; AP: ap-northeast-1, ap-northeast-2, ap-northeast-3): ${regions.join(', ')}`)
  }
  const page = await ctx.dynalite.run('Scan', ctx.dynalite.validate('Scan', { TableName: table.TableName, Limit: 1 }))
  if (page.Items.length > 0) throw errors.validation(`Table ${table.TableName} must be empty to be made an MRSC global table`)
  const shared = { MultiRegionConsistency: STRONG, ...(witnessRegion ? { GlobalTableWitnesses: [ { RegionName: witnessRegion, WitnessStatus: 'ACTIVE' } ] } : {}) }
  for (const update of updates) await members.addReplica(ctx, table, update.Create.RegionName, update.Create, shared)
  table.MultiRegionConsistency = STRONG
  if (witnessRegion) {
    table.GlobalTableWitnesses = [ { RegionName: witnessRegion, WitnessStatus: 'CREATING' } ]
    ctx.tables.later(table.TableName, ctx.delays.create, async (current) => { current.GlobalTableWitnesses = shared.GlobalTableWitnesses })
  }
}

module.exports = { involved, update, STRONG }
