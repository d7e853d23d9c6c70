'use strict'
// The server's clock, which tests may move forward to pass AWS's time-based limits (TTL: one change an hour).
let offsetMs = 0

module.exports = {
  now: () => Date.now() + offsetMs,
  advance (seconds) { offsetMs += seconds * 1000 },
}
