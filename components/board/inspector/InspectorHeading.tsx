import { KIND_LABELS } from "@/lib/valuechain/labels";
import type { PlayerKind } from "@/lib/valuechain/model";
import { KIND_STYLE } from "../kindStyle";

export function InspectorHeading({ kind, title }: { kind?: PlayerKind; title: string }) {
  const style = kind ? KIND_STYLE[kind] : null;
  return (
    <div className="flex items-center gap-2">
      {style && (
        <span className="grid size-8 place-items-center rounded-lg text-white" style={{ background: style.color }}>
          <style.icon className="size-4" aria-hidden />
        </span>
      )}
      <div>
        <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
        {kind && <p className="text-xs text-slate-500">{KIND_LABELS[kind]}</p>}
      </div>
    </div>
  );
}
