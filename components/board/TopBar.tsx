import { Workflow } from "lucide-react";
import type { FollowTarget } from "@/lib/collab/presence";
import { Avatars } from "./Avatars";
import { BoardTitle } from "./BoardTitle";
import { BoardMenu } from "./menu/BoardMenu";
import { useSession } from "./hooks/useSession";
import { SaveStatusBadge } from "./SaveStatusBadge";
import { SharePopover } from "./SharePopover";
import { UndoRedoButtons } from "./UndoRedoButtons";
import { VersionsButton } from "./versions/VersionsButton";
import { WorkshopButton } from "./workshop/WorkshopButton";

const ROLE_LABELS = { owner: "Owner", editor: "Editor", viewer: "Viewer" } as const;

interface TopBarProps {
  title: string;
  following: FollowTarget | null;
  onFollow: (who: FollowTarget) => void;
  onEditIdentity: () => void;
  selection: readonly string[];
  strategyView: boolean;
}

export function TopBar({ title, following, onFollow, onEditIdentity, selection, strategyView }: TopBarProps) {
  const { session, role, canEdit } = useSession();
  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3 max-md:gap-1.5 max-md:px-2">
      {/* A full page load, not client navigation, so leaving with unsaved changes asks first. */}
      <a href="/" aria-label="Chainboard: your boards" title="Your boards" className="grid size-9 shrink-0 max-md:size-8 place-items-center rounded-lg bg-indigo-600 text-white hover:bg-indigo-700">
        <Workflow className="size-5" aria-hidden />
      </a>
      <div className="flex min-w-0 flex-1 items-center gap-2">
        <div className="max-w-md min-w-0 flex-1">
          <BoardTitle title={title} />
        </div>
        <span data-testid="role" className="shrink-0 max-sm:hidden rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">
          {ROLE_LABELS[role]}
        </span>
        <SaveStatusBadge />
      </div>
      {canEdit && <UndoRedoButtons />}
      <VersionsButton />
      <WorkshopButton />
      <Avatars awareness={session.provider.awareness} following={following} onFollow={onFollow} onEditIdentity={onEditIdentity} />
      <BoardMenu selection={selection} strategyView={strategyView} />
      <SharePopover />
    </header>
  );
}
