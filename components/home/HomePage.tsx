import { Workflow } from "lucide-react";
import { TEMPLATE_IDS, TEMPLATES } from "@/lib/valuechain/templates";
import { ImportBoardPanel } from "./ImportBoardPanel";
import { NewBoardPanel } from "./NewBoardPanel";
import { RecentBoardsList } from "./RecentBoardsList";

export function HomePage() {
  // Only names and descriptions travel to the browser, not the template boards.
  const templates = TEMPLATE_IDS.map((id) => ({ id, name: TEMPLATES[id].name, description: TEMPLATES[id].description }));
  return (
    <main className="mx-auto max-w-3xl space-y-10 px-6 py-12">
      <header className="space-y-3">
        <div className="flex items-center gap-3">
          <span className="grid size-10 place-items-center rounded-xl bg-indigo-600 text-white">
            <Workflow className="size-6" aria-hidden />
          </span>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Chainboard</h1>
        </div>
        <p className="max-w-2xl text-lg text-slate-600">
          One live picture of the value chain you sell into, so Sales, Marketing, Service, Finance and Operations agree on who the players are,
          which of them are customers, and why.
        </p>
      </header>
      <NewBoardPanel templates={templates} />
      <ImportBoardPanel />
      <RecentBoardsList />
    </main>
  );
}
