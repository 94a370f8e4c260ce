import { useEffect } from "react";
import { CheckCircle2 } from "lucide-react";
import { Banner } from "../Banner";
import { useVersions } from "./VersionsContext";

const SHOWN_MS = 10_000;

/** A short-lived confirmation at the bottom of the page ("Restored …"). */
export function VersionNotice() {
  const { notice, dismissNotice } = useVersions();
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismissNotice, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice, dismissNotice]);
  if (!notice) return null;
  return (
    <Banner
      testId="version-notice"
      icon={CheckCircle2}
      shape="toast"
      className="fixed bottom-6 left-1/2 z-50 max-w-[calc(100vw-2rem)] -translate-x-1/2 bg-slate-900 text-white shadow-xl"
      iconClassName="text-emerald-400"
      close={{ label: "Dismiss", onClick: dismissNotice }}
    >
      {notice}
    </Banner>
  );
}
