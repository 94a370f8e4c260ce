import { useEffect, useState } from "react";

export type Loaded<T> = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; value: T };

/** The result of one async load, started on mount; a result that arrives after unmounting is dropped. */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const [start] = useState(() => load);
  useEffect(() => {
    let current = true;
    start().then(
      (value) => current && setState({ status: "ready", value }),
      (err: unknown) => current && setState({ status: "error", message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      current = false;
    };
  }, [start]);
  return state;
}
