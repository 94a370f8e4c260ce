import { memo } from "react";
import { useIsHighlighted } from "../hooks/useIsHighlighted";

interface FarPlayerProps {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  isUs: boolean;
  selected: boolean;
  /** The colour of the first other person who has it selected. */
  remoteColor: string | undefined;
}

/** A player seen from far out: a block in its colour; us, selections and highlights as outlines one or two pixels wide on screen. */
function FarPlayerView({ id, x, y, width, height, color, isUs, selected, remoteColor }: FarPlayerProps) {
  const highlighted = useIsHighlighted("players", id);
  const outline = highlighted ? "#f59e0b" : selected ? "#4f46e5" : remoteColor ?? (isUs ? "#0f172a" : undefined);
  return (
    <rect
      data-testid="far-player"
      data-id={id}
      x={x}
      y={y}
      width={width}
      height={height}
      rx={12}
      fill={color}
      stroke={outline}
      strokeWidth={outline ? (selected || highlighted ? 3 : 2) : undefined}
      vectorEffect="non-scaling-stroke"
    />
  );
}

export const FarPlayer = memo(FarPlayerView);
