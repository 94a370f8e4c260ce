import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const env = (vars: Record<string, string> = {}): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...vars });

describe("METRICS_TOKEN", () => {
  it("is off when unset or empty, and kept when long enough", () => {
    expect(loadConfig(env()).metricsToken).toBeNull();
    expect(loadConfig(env({ METRICS_TOKEN: "" })).metricsToken).toBeNull();
    expect(loadConfig(env({ METRICS_TOKEN: "0123456789abcdef" })).metricsToken).toBe("0123456789abcdef");
  });

  it("refuses a token too short to resist guessing, naming the variable", () => {
    expect(() => loadConfig(env({ METRICS_TOKEN: "secret" }))).toThrow(ConfigError);
    expect(() => loadConfig(env({ METRICS_TOKEN: "secret" }))).toThrow(/METRICS_TOKEN/);
  });
});
