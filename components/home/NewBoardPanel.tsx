"use client";
import { useId, useState, type FormEvent } from "react";
import { LoaderCircle, Plus } from "lucide-react";
import { apiRequest } from "@/components/api/client";
import type { CreateBoardRequest, CreatedBoard as CreateResponse } from "@/lib/contracts/boards";
import { adoptCreatedBoard } from "./adoptCreatedBoard";
import type { BoardLinks } from "./recentBoards";
import { CreatedBoard } from "./CreatedBoard";

interface TemplateOption {
  id: string;
  name: string;
  description: string;
}

interface Created {
  title: string;
  links: BoardLinks;
}

function createBoard(template: string): Promise<CreateResponse> {
  const body: CreateBoardRequest = template === "blank" ? {} : { template };
  return apiRequest("/api/boards", { method: "POST", body });
}

/** Creates a board, keeps its three links in this browser, and shows them once. */
export function NewBoardPanel({ templates }: { templates: TemplateOption[] }) {
  const selectId = useId();
  const [template, setTemplate] = useState("blank");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const board = await createBoard(template);
      setCreated({ title: board.title, links: adoptCreatedBoard(board) });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (created) return <CreatedBoard title={created.title} links={created.links} onDone={() => setCreated(null)} />;

  const description = templates.find((t) => t.id === template)?.description;
  return (
    <section aria-labelledby={`${selectId}-heading`} className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id={`${selectId}-heading`} className="text-lg font-semibold text-slate-900">
        Start a board
      </h2>
      <form onSubmit={submit} className="mt-4 flex flex-wrap items-end gap-3">
        <div className="min-w-60 flex-1 space-y-1">
          <label htmlFor={selectId} className="block text-sm font-medium text-slate-700">
            Start from
          </label>
          <select
            id={selectId}
            value={template}
            onChange={(event) => setTemplate(event.target.value)}
            data-testid="new-board-template"
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30"
          >
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={busy}
          data-testid="new-board"
          className="inline-flex items-center gap-2 rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          {busy ? <LoaderCircle className="size-4 animate-spin" aria-hidden /> : <Plus className="size-4" aria-hidden />}
          New board
        </button>
      </form>
      {description && <p className="mt-2 text-sm text-slate-500">{description}</p>}
      {error && (
        <p role="alert" data-testid="create-error" className="mt-4 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          Could not create the board: {error}
        </p>
      )}
    </section>
  );
}
