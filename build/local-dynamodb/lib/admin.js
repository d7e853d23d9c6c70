'use strict'
// Loopback-only test controls, enabled with --admin: request counts, injected faults and latency, writes left
// unprocessed, transition delays, and the server clock. Never enabled by the quick start.
class Admin {
  // setDelays changes the transition delays of dynalite's own timers and of ours together.
  constructor (setDelays, clock) {
    this.setDelays = setDelays
    this.clock = clock
    this.counts = {}
    this.faults = []
    this.latency = []
    this.unprocessed = 0
  }

  // While set, each BatchWriteItem call leaves its last write unprocessed (not written, and returned in
  // UnprocessedItems), as DynamoDB does under load. Returns what was held back, or null.
  holdBack (request) {
    const table = Object.keys(request.RequestItems || {})[0]
    const writes = table && request.RequestItems[table]
    if (this.unprocessed <= 0 || !Array.isArray(writes) || writes.length < 2) return null
    this.unprocessed--
    return { [table]: [writes.pop()] }
  }

  // Called for every DynamoDB request: counts it, then returns the fault to answer with, if any.
  async onRequest (operation) {
    this.counts[operation] = (this.counts[operation] || 0) + 1
    const latency = this.latency.find((l) => l.operation === '*' || l.operation === operation)
    // 0 means none: even setTimeout(0) waits a millisecond or more.
    if (latency && latency.ms > 0) await new Promise((resolve) => setTimeout(resolve, latency.ms))
    const fault = this.faults.find((f) => f.remaining > 0 && (f.operation === '*' || f.operation === operation))
    if (!fault) return null
    fault.remaining--
    return fault
  }

  handle (method, path, body) {
    const routes = {
      'GET /__admin/requests': () => this.counts,
      'DELETE /__admin/requests': () => { this.counts = {}; return {} },
      'POST /__admin/faults': () => {
        this.faults.push({ operation: body.operation || '*', error: body.error || 'InternalServerError', message: body.message, remaining: body.count == null ? 1 : body.count })
        return {}
      },
      'DELETE /__admin/faults': () => { this.faults = []; this.latency = []; this.unprocessed = 0; return {} },
      'POST /__admin/unprocessed': () => { this.unprocessed = body.count == null ? 1 : body.count; return {} },
      'POST /__admin/latency': () => { this.latency.unshift({ operation: body.operation || '*', ms: body.ms || 0 }); return {} },
      'POST /__admin/delays': () => this.setDelays(body),
      'POST /__admin/clock': () => { this.clock.advance(body.advanceSeconds || 0); return { now: this.clock.now() } },
    }
    const route = routes[`${method} ${path}`]
    return route ? route() : undefined
  }
}

module.exports = Admin
