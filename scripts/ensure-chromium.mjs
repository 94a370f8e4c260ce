// Browser tests drive Debian's Chromium (Playwright's own browser download cannot work
// offline). Installs it with apt when missing and we are root; otherwise says what to do.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  // Thrown, not exited: `npm test` counts it as a failure in its closing line.
  if (process.getuid?.() !== 0) throw new Error(`${CHROMIUM} is missing. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
  console.log("chainboard: installing Chromium from Debian's packages for the browser tests…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  try {
    ensureChromium();
  } catch (err) {
    console.error(`chainboard: ${err.message}`);
    process.exit(1);
  }
}
