// Debian's Chromium, as the story tests and the screenshot script launch it.
/** Where the browser is: `/usr/bin/chromium` (apt-get install -y chromium), or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Flags that work here as root, and keep Chromium off a network that only reaches npm. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
