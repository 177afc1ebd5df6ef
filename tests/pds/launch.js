// Starts a real AT Protocol network (PLC directory + PDS, no AppView) for Crosspost's tests and
// prints one line of JSON on stdout: {"pds": URL, "plc": URL, "did": the PDS's service DID}.
// It runs until stdin closes or it gets SIGTERM/SIGINT, then shuts the servers down.
//
// Options come from the environment:
//   PDS_BLOB_UPLOAD_LIMIT  largest blob the PDS accepts, in bytes (default here: 100 MB, for videos)
//   PDS_PORT               a fixed port (default: a free one)
'use strict'
const { TestNetworkNoAppView } = require('@atproto/dev-env')

async function main() {
  const blobUploadLimit = parseInt(process.env.PDS_BLOB_UPLOAD_LIMIT || String(100 * 1024 * 1024), 10)
  const pdsOptions = { inviteRequired: false, blobUploadLimit }
  if (process.env.PDS_PORT) pdsOptions.port = parseInt(process.env.PDS_PORT, 10)
  const network = await TestNetworkNoAppView.create({ pds: pdsOptions })
  let closing = false
  const close = async () => {
    if (closing) return
    closing = true
    try {
      await network.close()
    } finally {
      process.exit(0)
    }
  }
  process.on('SIGTERM', close)
  process.on('SIGINT', close)
  process.stdin.on('end', close)
  process.stdin.on('error', close)
  process.stdin.resume()
  process.stdout.write(
    JSON.stringify({
      pds: network.pds.url,
      plc: network.plc.url,
      did: network.pds.ctx.cfg.service.did,
      blobUploadLimit,
    }) + '\n',
  )
}

main().catch((err) => {
  process.stderr.write(`launch.js: ${err && err.stack ? err.stack : err}\n`)
  process.exit(1)
})
