/**
 * zod for code that also runs in the browser. zod compiles fast validators with `new Function`
 * when it can, and probes for that once; under the pages' Content-Security-Policy (no
 * 'unsafe-eval', server/http/securityHeaders.ts) the probe is a reported violation. The
 * interpreted validators give the same answers.
 */
import { z } from "zod";

z.config({ jitless: true });

export { z };
