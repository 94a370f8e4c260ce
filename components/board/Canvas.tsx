import { useCallback, useMemo, useRef, type Dispatch, type DragEvent, type MouseEvent as ReactMouseEvent, type PointerEvent, type SetStateAction } from "react";
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type Edge,
  type OnMove,
  type OnMoveStart,
  type ReactFlowInstance,
  type ReactFlowState,
} from "@xyflow/react";
import { PLAYER_NODE, type PlayerFlowNode } from "@/lib/canvas/flow";
import { FRAME_NODE, NOTE_NODE } from "@/lib/canvas/discussionNodes";
import { convertNoteToPlayer } from "@/lib/collab/boardDoc";
import { resizeFrame, setNoteColor } from "@/lib/collab/discussionDoc";
import { noteFill } from "@/lib/valuechain/discussion";
import type { FollowTarget } from "@/lib/collab/presence";
import { PLAYER_KINDS, type PlayerKind } from "@/lib/valuechain/model";
import { addPlayerOfKind, asOneStep, CARD_HEIGHT, CARD_WIDTH, KIND_DRAG_TYPE, newId } from "./boardCommands";
import { FrameActionsContext, type FrameActions } from "./frames/FrameActions";
import { FrameNode } from "./frames/FrameNode";
import { NoteActionsContext, type NoteActions } from "./notes/NoteActions";
import { NoteNode } from "./notes/NoteNode";
import { CommentPins } from "./comments/CommentPins";
import { CanvasToolbar } from "./CanvasToolbar";
import type { ChainOrder } from "@/lib/valuechain/chainOrder";
import { useBoardActions } from "./BoardActions";
import { ChannelFocusList } from "./channels/ChannelFocusList";
import { ChannelLayer } from "./channels/ChannelLayer";
import { ChannelMarkers } from "./ChannelMarkers";
import { FlowChooser } from "./connect/FlowChooser";
import { CardMenu } from "./menu/CardMenu";
import { useCardMenu } from "./hooks/useCardMenu";
import { useDrawChannel } from "./hooks/useDrawChannel";
import { FarOverview } from "./overview/FarOverview";
import { EmptyBoardHint } from "./EmptyBoardHint";
import { FlowLegend } from "./FlowLegend";
import { FollowBanner } from "./FollowBanner";
import { useBoard, useBoardContent } from "./hooks/useBoard";
import { useChannelFocus } from "./hooks/useChannelFocus";
import { useChannelRoutes } from "./hooks/useChannelRoutes";
import { useOrderedBoard } from "./hooks/useOrderedBoard";
import { useFlowElements, type BoardFlowNode } from "./hooks/useFlowElements";
import { useFollowViewport } from "./hooks/useFollowViewport";
import { usePointerPresence } from "./hooks/usePointerPresence";
import { useSession } from "./hooks/useSession";
import { KIND_STYLE } from "./kindStyle";
import { PlayerNode } from "./PlayerNode";
import { ReadonlyBanner } from "./ReadonlyBanner";
import { RemoteCursors } from "./RemoteCursors";
import { StrategyLegend } from "./StrategyLegend";
import { STRATEGY_STYLE } from "./strategyStyle";
import { useBlindBoard } from "./workshop/BlindContext";
import { useCanvasWorkshop, WorkshopBanners } from "./workshop/WorkshopBanners";
import { useFitBesideWorkshop } from "./workshop/useFitBesideWorkshop";
import { isFarZoom, minZoomFor } from "./zoomLevels";

const NODE_TYPES = { [PLAYER_NODE]: PlayerNode, [NOTE_NODE]: NoteNode, [FRAME_NODE]: FrameNode };
/** Channels are drawn by ChannelLayer; React Flow draws no edges of its own. */
const NO_EDGES: Edge[] = [];
const FIT_VIEW_OPTIONS = { padding: 0.1, maxZoom: 1 };
const selectPaneSize = (s: ReactFlowState) => `${s.width}x${s.height}`;
const selectFar = (s: ReactFlowState) => isFarZoom(s.transform[2], s.nodeLookup.size);
const CONNECTION_LINE_STYLE = { stroke: "#4f46e5", strokeWidth: 2 };

const isKind = (v: string): v is PlayerKind => (PLAYER_KINDS as readonly string[]).includes(v);
/** The minimap's colour of a node: a card by its kind (or strategy), a note by its colour, a frame pale. */
function minimapColor(strategyView: boolean) {
  return (node: BoardFlowNode) => {
    if (node.type === NOTE_NODE) return noteFill(node.data.note.color);
    if (node.type === FRAME_NODE) return "#e2e8f0";
    return strategyView ? STRATEGY_STYLE[node.data.player.strategy].color : KIND_STYLE[node.data.player.kind].color;
  };
}
const KIND_MINIMAP = minimapColor(false);
const STRATEGY_MINIMAP = minimapColor(true);
const isValidConnection = (c: Connection | Edge) => c.source !== c.target;
const additive = (event: ReactMouseEvent | MouseEvent) => event.shiftKey || event.ctrlKey || event.metaKey;

interface CanvasProps {
  /** Players and channels along the chain: the order of the cards and of Tab. */
  order: ChainOrder;
  selection: readonly string[];
  setSelection: Dispatch<SetStateAction<readonly string[]>>;
  following: FollowTarget | null;
  stopFollowing: () => void;
  strategyView: boolean;
  onToggleStrategyView: () => void;
}

export function Canvas({ order, selection, setSelection, following, stopFollowing, strategyView, onToggleStrategyView }: CanvasProps) {
  const { session, canEdit } = useSession();
  const { provider } = session;
  const ordered = useOrderedBoard(useBoard(), order.players);
  // During a blind round the cards show the board without the answers the round asks about.
  const board = useBlindBoard(ordered);
  // Names and channels only: unchanged while cards move.
  const content = useBlindBoard(useBoardContent());
  const far = useStore(selectFar);
  const { nodes, flowNodes, remote, dragged, onNodesChange } = useFlowElements(board, selection, setSelection, far);
  const routes = useChannelRoutes(board, nodes);
  const selected = useMemo(() => new Set(selection), [selection]);
  const moving = useMemo(() => new Set(dragged.keys()), [dragged]);
  const { focused: focusedChannel, focus: focusChannel } = useChannelFocus(routes);
  const paneSize = useStore(selectPaneSize);
  const minZoom = useMemo(() => {
    const [width, height] = paneSize.split("x").map(Number);
    return minZoomFor(board.players, { width, height });
  }, [board.players, paneSize]);
  const { screenToFlowPosition } = useReactFlow();
  const store = useStoreApi();
  const { publishCursor, publishViewport } = usePointerPresence(provider.awareness);
  const workshop = useCanvasWorkshop(following);
  useFitBesideWorkshop();
  useFollowViewport(provider.awareness, following?.clientId ?? null, stopFollowing);

  const container = useRef<HTMLDivElement>(null);
  const drawing = useDrawChannel(container, setSelection);
  const cardMenu = useCardMenu(container, setSelection);

  const { showDetails } = useBoardActions();
  // React Flow knows only the cards; the channels in the selection are this canvas's business.
  const selectChannel = useCallback(
    (id: string, add: boolean) => {
      setSelection((prev) => (add ? (prev.includes(id) ? prev.filter((x) => x !== id) : [...prev, id]) : [id]));
      if (!add) showDetails();
    },
    [setSelection, showDetails],
  );
  const onNodeClick = useCallback(
    (event: ReactMouseEvent, node: BoardFlowNode) => {
      if (additive(event)) return;
      setSelection([node.id]);
      showDetails();
    },
    [setSelection, showDetails],
  );
  const onPaneClick = useCallback(() => setSelection([]), [setSelection]);
  const noteActions = useMemo<NoteActions>(
    () => ({
      setColor: (id, color) => asOneStep(session, () => setNoteColor(session.doc, id, color)),
      toPlayer: (id, kind) => {
        const player = asOneStep(session, () => convertNoteToPlayer(session.doc, id, kind, newId()));
        if (player) setSelection([player.id]);
      },
    }),
    [session, setSelection],
  );
  const frameActions = useMemo<FrameActions>(() => ({ resize: (id, box) => asOneStep(session, () => resizeFrame(session.doc, id, box)) }), [session]);
  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: BoardFlowNode) => {
      if (node.type === PLAYER_NODE) cardMenu.onNodeContextMenu(event, node);
    },
    [cardMenu],
  );
  // A box drawn around cards takes the channels between them along, as React Flow's edges did.
  const onSelectionEnd = useCallback(() => {
    setSelection((prev) => {
      const players = new Set(prev);
      const between = board.channels.filter((c) => players.has(c.from) && players.has(c.to) && !players.has(c.id)).map((c) => c.id);
      return between.length ? [...prev, ...between] : prev;
    });
  }, [board, setSelection]);

  const publishCurrentViewport = useCallback(
    (viewport: { x: number; y: number; zoom: number }) => {
      const { width, height } = store.getState();
      publishViewport({ ...viewport, width, height });
    },
    [publishViewport, store],
  );
  const onInit = useCallback((flow: ReactFlowInstance<BoardFlowNode>) => publishCurrentViewport(flow.getViewport()), [publishCurrentViewport]);
  const onMove = useCallback<OnMove>((_event, viewport) => publishCurrentViewport(viewport), [publishCurrentViewport]);
  // Only this person's own pan or zoom has an event; the viewport set while following has none.
  const onMoveStart = useCallback<OnMoveStart>((event) => event && stopFollowing(), [stopFollowing]);

  const onPointerMove = (event: PointerEvent) => publishCursor(screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  const onPointerLeave = () => publishCursor(null);
  const onPointerDown = () => following && stopFollowing();
  // Shift+drag draws a selection box; without this the browser also selects the page's text.
  const onMouseDownCapture = (event: ReactMouseEvent) => {
    if (event.shiftKey && (event.target as HTMLElement).closest(".react-flow__pane")) event.preventDefault();
  };

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
      ref={container}
      className="relative h-full w-full"
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      onPointerDown={onPointerDown}
      onMouseDownCapture={onMouseDownCapture}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ChannelMarkers />
      <NoteActionsContext value={noteActions}>
      <FrameActionsContext value={frameActions}>
      <ReactFlow<BoardFlowNode>
        nodes={flowNodes}
        edges={NO_EDGES}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        onSelectionEnd={onSelectionEnd}
        onConnectEnd={drawing.onConnectEnd}
        onNodeContextMenu={onNodeContextMenu}
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
        minZoom={minZoom}
        maxZoom={2.5}
        onlyRenderVisibleElements
      >
        {far ? (
          <FarOverview nodes={nodes} routes={routes} selected={selected} moving={moving} focused={focusedChannel} />
        ) : (
          <ChannelLayer routes={routes} selected={selected} remote={remote} moving={moving} focused={focusedChannel} onSelect={selectChannel} />
        )}
        {/* The first panel: right after the cards in the page, so Tab reaches the channels next. */}
        <Panel position="top-left" className="sr-only">
          <ChannelFocusList board={content} order={order.channels} selected={selected} onSelect={selectChannel} onFocusChange={focusChannel} />
        </Panel>
        <Background gap={24} color="#cbd5e1" />
        {/* Stacked above the legend, which takes the corner itself. */}
        <Controls showInteractive={false} position="bottom-left" style={{ marginBottom: 56 }} aria-label="Zoom and fit" />
        {/* Zoomed far out, the canvas itself shows the whole board: the overview would repeat it. */}
        {board.players.length > 0 && !far && (
          <MiniMap<BoardFlowNode> className="max-md:hidden" pannable zoomable nodeColor={strategyView ? STRATEGY_MINIMAP : KIND_MINIMAP} position="bottom-right" ariaLabel="Overview of the board" />
        )}
        <Panel position="top-left">
          <CanvasToolbar board={ordered} strategyView={strategyView} onToggleStrategyView={onToggleStrategyView} />
        </Panel>
        {strategyView && (
          <Panel position="top-right">
            <StrategyLegend board={board} />
          </Panel>
        )}
        <Panel position="bottom-left">
          <FlowLegend />
        </Panel>
        <Panel position="top-center" className="flex flex-col items-center gap-2 max-md:mt-14">
          {!canEdit && !workshop.editingPaused && <ReadonlyBanner />}
          {following && !workshop.followingSpotlight && <FollowBanner name={following.name} color={following.color} onStop={stopFollowing} />}
          <WorkshopBanners following={following} onStopFollowing={stopFollowing} />
        </Panel>
        <CommentPins threads={board.comments} />
        <RemoteCursors awareness={provider.awareness} />
      </ReactFlow>
      </FrameActionsContext>
      </NoteActionsContext>
      {board.players.length === 0 && <EmptyBoardHint />}
      {drawing.choice && <FlowChooser at={drawing.choice.at} flow={drawing.choice.flow} onChoose={drawing.choose} onClose={drawing.dismiss} />}
      {cardMenu.menu && <CardMenu at={cardMenu.menu.at} title={cardMenu.menu.title} items={cardMenu.menu.items} onClose={cardMenu.close} />}
    </div>
  );
}
