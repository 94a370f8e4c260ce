import { useEffect, useId, useRef, useState } from "react";
import { Ellipsis } from "lucide-react";
import { useSession } from "../hooks/useSession";
import { PictureDialog } from "../export/PictureDialog";
import { ReportDialog } from "../report/ReportDialog";
import { DuplicateDialog } from "../file/DuplicateDialog";
import { ImportFileInput, type ImportFileInputHandle } from "../file/ImportFileInput";
import { downloadBoardFile } from "../file/downloadBoardFile";

type Opened = "picture" | "report" | "duplicate" | null;

interface BoardMenuProps {
  /** The ids selected on the canvas: a picture may be of them alone. */
  selection: readonly string[];
  strategyView: boolean;
}

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Everything that takes the board out of the room: a picture, a report, the file, a copy.
 * A menu button in the ARIA sense; Ctrl/Cmd+Shift+E opens the picture export from anywhere
 * on the board (not from inside a text field, whose keys are its own).
 */
export function BoardMenu({ selection, strategyView }: BoardMenuProps) {
  const { session, boardId, token, canEdit } = useSession();
  const popoverId = useId();
  const menu = useRef<HTMLDivElement>(null);
  const importInput = useRef<ImportFileInputHandle>(null);
  const [opened, setOpened] = useState<Opened>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, [contenteditable=true], dialog")) return;
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === "e") {
        event.preventDefault();
        setOpened("picture");
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const run = (action: () => void) => () => {
    menu.current?.hidePopover();
    action();
  };
  const items: { label: string; hint?: string; testId: string; run: () => void; hidden?: boolean }[] = [
    { label: "Export picture…", hint: isMac() ? "⇧⌘E" : "Ctrl+Shift+E", testId: "menu-export-picture", run: () => setOpened("picture") },
    { label: "Report (HTML or PDF)…", testId: "menu-report", run: () => setOpened("report") },
    {
      label: "Download board file",
      testId: "menu-export-file",
      run: () => void downloadBoardFile(boardId, token, session.board.get().board.title).catch((error: Error) => setFileError(error.message)),
    },
    { label: "Import board file…", testId: "menu-import-file", run: () => importInput.current?.open() },
    { label: "Duplicate board…", testId: "menu-duplicate-board", run: () => setOpened("duplicate"), hidden: !canEdit },
  ];

  const onMenuKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]") ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const step = event.key === "ArrowDown" ? 1 : -1;
    buttons[(at + step + buttons.length) % buttons.length]?.focus();
  };

  return (
    <>
      <button
        type="button"
        popoverTarget={popoverId}
        data-testid="board-menu-button"
        aria-label="Board menu: export, report, file, duplicate"
        aria-haspopup="menu"
        title="Export, report, file, duplicate"
        className="grid size-9 shrink-0 place-items-center rounded-md border border-slate-200 bg-white text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 max-md:size-8"
      >
        <Ellipsis className="size-5" aria-hidden />
      </button>
      <div
        ref={menu}
        id={popoverId}
        popover="auto"
        role="menu"
        aria-label="Board menu"
        data-testid="board-menu"
        onKeyDown={onMenuKeyDown}
        onToggle={(event) => event.newState === "open" && menu.current?.querySelector<HTMLButtonElement>("[role=menuitem]")?.focus()}
        className="fixed inset-auto top-14 right-4 m-0 w-64 rounded-lg border border-slate-200 bg-white p-1 text-slate-900 shadow-lg"
      >
        {items
          .filter((item) => !item.hidden)
          .map((item) => (
            <button
              key={item.testId}
              type="button"
              role="menuitem"
              data-testid={item.testId}
              onClick={run(item.run)}
              className="flex w-full items-center justify-between gap-3 rounded-md px-2.5 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500"
            >
              <span>{item.label}</span>
              {item.hint && <kbd className="text-xs text-slate-500">{item.hint}</kbd>}
            </button>
          ))}
      </div>
      <ImportFileInput ref={importInput} onError={setFileError} />
      {fileError && (
        <p role="alert" data-testid="board-file-error" className="fixed top-16 right-4 z-50 max-w-sm rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800 shadow-lg">
          {fileError}
          <button type="button" className="ml-2 font-medium underline" onClick={() => setFileError(null)}>
            Dismiss
          </button>
        </p>
      )}
      {opened === "picture" && <PictureDialog selection={selection} strategyView={strategyView} onClose={() => setOpened(null)} />}
      {opened === "report" && <ReportDialog onClose={() => setOpened(null)} />}
      {opened === "duplicate" && <DuplicateDialog onClose={() => setOpened(null)} />}
    </>
  );
}
