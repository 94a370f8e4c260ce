import { useCallback, type Dispatch, type DragEvent, type PointerEvent, type SetStateAction } from "react";
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type Connection,
  type OnMove,
  type OnMoveStart,
  type ReactFlowInstance,
} from "@xyflow/react";
import { CHANNEL_EDGE, channelFromConnection, PLAYER_NODE, type ChannelFlowEdge, type PlayerFlowNode } from "@/lib/collab/flow";
import type { FollowTarget } from "@/lib/collab/presence";
import { PLAYER_KINDS, type Board, type PlayerKind } from "@/lib/valuechain/model";
import { addPlayerOfKind, CARD_HEIGHT, CARD_WIDTH, connectPlayers, KIND_DRAG_TYPE, newId } from "./boardCommands";
import { CanvasToolbar } from "./CanvasToolbar";
import { ChannelEdge } from "./ChannelEdge";
import { ChannelMarkers } from "./ChannelMarkers";
import { EmptyBoardHint } from "./EmptyBoardHint";
import { FlowLegend } from "./FlowLegend";
import { FollowBanner } from "./FollowBanner";
import { useFlowElements } from "./hooks/useFlowElements";
import { useFollowViewport } from "./hooks/useFollowViewport";
import { usePointerPresence } from "./hooks/usePointerPresence";
import { useSession } from "./hooks/useSession";
import { KIND_STYLE } from "./kindStyle";
import { PlayerNode } from "./PlayerNode";
import { ReadonlyBanner } from "./ReadonlyBanner";
import { RemoteCursors } from "./RemoteCursors";
import { StrategyLegend } from "./StrategyLegend";
import { STRATEGY_STYLE } from "./strategyStyle";
import { useCanvasWorkshop, WorkshopBanners } from "./workshop/WorkshopBanners";

const NODE_TYPES = { [PLAYER_NODE]: PlayerNode };
const EDGE_TYPES = { [CHANNEL_EDGE]: ChannelEdge };
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1 };
const CONNECTION_LINE_STYLE = { stroke: "#4f46e5", strokeWidth: 2 };

const isKind = (v: string): v is PlayerKind => (PLAYER_KINDS as readonly string[]).includes(v);
const kindColor = (node: PlayerFlowNode) => KIND_STYLE[node.data.player.kind].color;
const strategyColor = (node: PlayerFlowNode) => STRATEGY_STYLE[node.data.player.strategy].color;
const isValidConnection = (c: Connection | ChannelFlowEdge) => c.source !== c.target;

interface CanvasProps {
  board: Board;
  selection: readonly string[];
  setSelection: Dispatch<SetStateAction<readonly string[]>>;
  following: FollowTarget | null;
  stopFollowing: () => void;
  strategyView: boolean;
  onToggleStrategyView: () => void;
}

export function Canvas({ board, selection, setSelection, following, stopFollowing, strategyView, onToggleStrategyView }: CanvasProps) {
  const { session, canEdit } = useSession();
  const { provider } = session;
  const { nodes, edges, onNodesChange, onEdgesChange } = useFlowElements(board, selection, setSelection);
  const { screenToFlowPosition } = useReactFlow();
  const store = useStoreApi();
  const { publishCursor, publishViewport } = usePointerPresence(provider.awareness);
  const workshop = useCanvasWorkshop(following);
  useFollowViewport(provider.awareness, following?.clientId ?? null, stopFollowing);

  const onConnect = useCallback(
    (connection: Connection) => {
      const channel = channelFromConnection(connection, newId());
      if (!canEdit || !channel) return;
      connectPlayers(session, channel);
      setSelection([channel.id]);
    },
    [canEdit, session, setSelection],
  );

  const publishCurrentViewport = useCallback(
    (viewport: { x: number; y: number; zoom: number }) => {
      const { width, height } = store.getState();
      publishViewport({ ...viewport, width, height });
    },
    [publishViewport, store],
  );
  const onInit = useCallback((flow: ReactFlowInstance<PlayerFlowNode, ChannelFlowEdge>) => publishCurrentViewport(flow.getViewport()), [publishCurrentViewport]);
  const onMove = useCallback<OnMove>((_event, viewport) => publishCurrentViewport(viewport), [publishCurrentViewport]);
  // Only this person's own pan or zoom has an event; the viewport set while following has none.
  const onMoveStart = useCallback<OnMoveStart>((event) => event && stopFollowing(), [stopFollowing]);

  const onPointerMove = (event: PointerEvent) => publishCursor(screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  const onPointerLeave = () => publishCursor(null);
  const onPointerDown = () => following && stopFollowing();

  const onDragOver = (event: DragEvent) => {
    if (!canEdit || !event.dataTransfer.types.includes(KIND_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  };
  const onDrop = (event: DragEvent) => {
    const kind = event.dataTransfer.getData(KIND_DRAG_TYPE);
    if (!canEdit || !isKind(kind)) return;
    event.preventDefault();
    const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    setSelection([addPlayerOfKind(session, kind, { x: at.x - CARD_WIDTH / 2, y: at.y - CARD_HEIGHT / 2 })]);
  };

  return (
    <div
      className="relative h-full w-full"
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      onPointerDown={onPointerDown}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ChannelMarkers />
      <ReactFlow<PlayerFlowNode, ChannelFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onInit={onInit}
        onMove={onMove}
        onMoveStart={onMoveStart}
        nodesDraggable={canEdit}
        nodesConnectable={canEdit}
        elementsSelectable
        edgesReconnectable={false}
        deleteKeyCode={null}
        multiSelectionKeyCode={["Meta", "Control", "Shift"]}
        connectionLineStyle={CONNECTION_LINE_STYLE}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        maxZoom={2.5}
      >
        <Background gap={24} color="#cbd5e1" />
        {/* Stacked above the legend, which takes the corner itself. */}
        <Controls showInteractive={false} position="bottom-left" style={{ marginBottom: 56 }} aria-label="Zoom and fit" />
        {board.players.length > 0 && (
          <MiniMap<PlayerFlowNode> pannable zoomable nodeColor={strategyView ? strategyColor : kindColor} position="bottom-right" ariaLabel="Overview of the board" />
        )}
        <Panel position="top-left">
          <CanvasToolbar board={board} strategyView={strategyView} onToggleStrategyView={onToggleStrategyView} />
        </Panel>
        {strategyView && (
          <Panel position="top-right">
            <StrategyLegend board={board} />
          </Panel>
        )}
        <Panel position="bottom-left">
          <FlowLegend />
        </Panel>
        <Panel position="top-center" className="flex flex-col items-center gap-2">
          {!canEdit && !workshop.editingPaused && <ReadonlyBanner />}
          {following && !workshop.followingSpotlight && <FollowBanner name={following.name} color={following.color} onStop={stopFollowing} />}
          <WorkshopBanners following={following} onStopFollowing={stopFollowing} />
        </Panel>
        <RemoteCursors awareness={provider.awareness} />
      </ReactFlow>
      {board.players.length === 0 && <EmptyBoardHint />}
    </div>
  );
}
