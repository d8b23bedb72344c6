/** The path of the Chromium to launch: CHROMIUM_PATH, /usr/bin/chromium, or @sparticuz/chromium's, unpacked once. */
export function chromiumPath(): string
/** Flags that work as root and keep Chromium off the network. */
export const chromiumArgs: string[]
/** playwright-core launch options; `executablePath` is looked up when read. */
export function chromiumLaunchOptions(): { args: string[]; readonly executablePath: string }
