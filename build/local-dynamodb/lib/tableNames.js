'use strict'
// The names of every table, page by page, as ListTables gives them.
async function tableNames (ctx) {
  const names = []
  let start
  do {
    const page = await ctx.dynalite.run('ListTables', ctx.dynalite.validate('ListTables', { ExclusiveStartTableName: start }))
    names.push(...page.TableNames)
    start = page.LastEvaluatedTableName
  } while (start)
  return names
}

module.exports = { tableNames }
