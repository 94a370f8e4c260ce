import { Check, CloudOff, LoaderCircle, RefreshCw } from "lucide-react";
import type { SaveStatus } from "@/lib/collab/saveStatus";
import { useSaveStatus } from "./hooks/useSaveStatus";
import { useSession } from "./hooks/useSession";

function describe({ state, everConnected, problem }: SaveStatus) {
  switch (state) {
    case "refused":
      return { text: "Not connected", icon: CloudOff, className: "text-red-700", title: problem ?? "" };
    case "saved":
      return { text: "Saved", icon: Check, className: "text-emerald-700", title: "Every change is stored on the server" };
    case "saving":
      return { text: "Saving…", icon: LoaderCircle, className: "text-slate-600", spin: true, title: "Sending your latest changes" };
    case "connecting":
      return everConnected
        ? { text: "Reconnecting…", icon: RefreshCw, className: "text-amber-700", spin: true, title: "The connection dropped; trying again" }
        : { text: "Connecting…", icon: LoaderCircle, className: "text-slate-600", spin: true, title: "Connecting to the server" };
    case "offline":
      return { text: "Offline — changes kept on this device", icon: CloudOff, className: "text-amber-700", title: "They are sent as soon as the server is reachable again" };
  }
}

/** Whether this person's changes have reached the server's database (not just the socket). */
export function SaveStatusBadge() {
  const { session } = useSession();
  const status = useSaveStatus(session.save);
  const { text, icon: Icon, className, spin, title } = describe(status);
  return (
    <p data-testid="save-status" data-state={status.state} role="status" title={title} className={`flex items-center gap-1.5 text-sm whitespace-nowrap ${className}`}>
      <Icon className={`size-4 shrink-0 ${spin ? "animate-spin" : ""}`} aria-hidden />
      <span className="max-md:sr-only">{text}</span>
      {status.problem && <span className="max-w-xs truncate text-xs text-red-700 max-md:sr-only">— {status.problem}</span>}
    </p>
  );
}
