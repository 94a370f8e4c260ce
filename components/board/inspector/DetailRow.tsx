import type { ReactNode } from "react";

export function DetailRow({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold text-slate-500">{term}</dt>
      <dd className="text-sm whitespace-pre-wrap text-slate-800">{children}</dd>
    </div>
  );
}
