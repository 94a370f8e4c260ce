import { LoaderCircle } from "lucide-react";

/** Full-screen placeholder while the board's code and this device's copy of it load. */
export function OpeningBoard() {
  return (
    <div role="status" className="flex h-dvh items-center justify-center gap-2 bg-slate-50 text-slate-600">
      <LoaderCircle className="size-5 animate-spin text-indigo-600" aria-hidden />
      Opening board…
    </div>
  );
}
