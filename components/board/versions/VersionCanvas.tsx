import { useEffect, useState, type ReactNode } from "react";
import {
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import { CHANNEL_EDGE, PLAYER_NODE } from "@/lib/canvas/flow";
import type { Board } from "@/lib/valuechain/model";
import { FlowLegend } from "../FlowLegend";
import { KIND_STYLE } from "../kindStyle";
import type { CompareScene } from "./compareScene";
import { DiffChannelEdge } from "./DiffChannelEdge";
import { DiffPlayerNode } from "./DiffPlayerNode";
import { DIFF_STYLE } from "./diffStyle";
import { MoveArrows } from "./MoveArrows";
import type { SelectionChange, VersionSelection } from "./useVersionSelection";
import { versionElements, withSelection, type VersionFlowEdge, type VersionFlowNode } from "./versionFlow";

const NODE_TYPES = { [PLAYER_NODE]: DiffPlayerNode };
const EDGE_TYPES = { [CHANNEL_EDGE]: DiffChannelEdge };
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1 };
const NO_MOVES: CompareScene["moves"] = [];
const NOTHING: readonly string[] = [];
const SHOW_MS = 300;

const nodeColor = (node: VersionFlowNode) => (node.data.mark ? DIFF_STYLE[node.data.mark.kind].color : KIND_STYLE[node.data.player.kind].color);

interface VersionCanvasProps {
  /** The board to show (in a comparison: the "to" side). */
  board: Board;
  /** The comparison's marks; none to show a version as it is. */
  scene?: CompareScene;
  /** A version's cards and channels can be selected, to be read in the inspector; a comparison's cannot. */
  selection?: VersionSelection;
  /** Banners over the top of the canvas. */
  children?: ReactNode;
}

/**
 * A saved board on a canvas of its own, read-only: the live canvas's cards and channels, nothing
 * draggable or connectable; a version's can be selected to be read in the inspector. It has its
 * own React Flow store, so the live canvas's viewport and measurements are untouched while it
 * is shown. It is laid over the live canvas, which stays mounted beneath (its viewport is kept
 * for the way back) and defines the channel arrowheads both use (ChannelMarkers).
 */
export function VersionCanvas(props: VersionCanvasProps) {
  return (
    <ReactFlowProvider>
      <VersionFlow {...props} />
    </ReactFlowProvider>
  );
}

const selectChanges = (changes: (NodeChange | EdgeChange)[]): SelectionChange[] =>
  changes.flatMap((c) => (c.type === "select" ? [{ id: c.id, selected: c.selected }] : []));

function VersionFlow({ board, scene, selection, children }: VersionCanvasProps) {
  const selectable = selection !== undefined;
  const selected = selection?.ids ?? NOTHING;
  const build = () => ({ board, scene, selected, ...versionElements(board, { scene, selectable, selected }) });
  const [elements, setElements] = useState(build);
  // Derived state, updated during render: another board or comparison gives other elements, and
  // another selection marks them again (keeping what React Flow measured).
  if (elements.board !== board || elements.scene !== scene) setElements(build());
  else if (elements.selected !== selected) {
    setElements({ ...elements, selected, nodes: withSelection(elements.nodes, selected), edges: withSelection(elements.edges, selected) });
  }

  // What comes back from React Flow: measurements, and (on a version) what was selected.
  const onNodesChange = (changes: NodeChange<VersionFlowNode>[]) => {
    const sizes = changes.filter((c) => c.type === "dimensions");
    if (sizes.length > 0) setElements((current) => ({ ...current, nodes: applyNodeChanges(sizes, current.nodes) }));
    const picked = selectChanges(changes);
    if (picked.length > 0) selection?.apply(picked);
  };
  const onEdgesChange = (changes: EdgeChange<VersionFlowEdge>[]) => {
    const picked = selectChanges(changes);
    if (picked.length > 0) selection?.apply(picked);
  };

  return (
    <div data-testid="version-canvas" data-mode={scene ? "compare" : "version"} className="relative h-full w-full bg-slate-100">
      <ReactFlow<VersionFlowNode, VersionFlowEdge>
        nodes={elements.nodes}
        edges={elements.edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={selectable}
        edgesReconnectable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        maxZoom={2.5}
      >
        <Background gap={24} color="#94a3b8" />
        <Controls showInteractive={false} position="bottom-left" style={{ marginBottom: 56 }} aria-label="Zoom and fit" />
        {elements.nodes.length > 0 && <MiniMap<VersionFlowNode> pannable zoomable nodeColor={nodeColor} position="bottom-right" ariaLabel="Overview of the version" />}
        <Panel position="bottom-left">
          <FlowLegend />
        </Panel>
        <Panel position="top-center" className="flex flex-col items-center gap-2">
          {children}
        </Panel>
        <MoveArrows moves={scene?.moves ?? NO_MOVES} />
        <FollowFocus focus={selection?.focus ?? null} />
      </ReactFlow>
      {elements.nodes.length === 0 && (
        <p className="pointer-events-none absolute inset-0 grid place-items-center text-sm text-slate-500">This board had no players.</p>
      )}
    </div>
  );
}

/** Brings the players a name in the questions panel points at into view on this canvas. */
function FollowFocus({ focus }: { focus: VersionSelection["focus"] }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (focus) void fitView({ nodes: focus.ids.map((id) => ({ id })), padding: 0.3, maxZoom: 1, duration: SHOW_MS });
  }, [focus, fitView]);
  return null;
}
