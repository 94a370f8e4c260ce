import { blindName } from "@/lib/valuechain/blind";
import type { Player } from "@/lib/valuechain/model";
import { useHiddenAnswers } from "../workshop/BlindContext";
import { HiddenFields } from "./HiddenFields";
import { DetailRow as Row } from "./DetailRow";
import { InspectorHeading } from "./InspectorHeading";
import { CUSTOMER_LABELS, STRATEGY_LABELS, TRANSACTION_LABELS, withHint } from "@/lib/valuechain/labels";

/** A player for someone who may look but not edit. */
export function PlayerDetails({ player }: { player: Player }) {
  // A blind round asks about these: they wait for the reveal.
  const hidden = useHiddenAnswers();
  return (
    <div className="space-y-4">
      <InspectorHeading kind={player.kind} title={blindName(player.name, hidden) || "Unnamed"} />
      <HiddenFields hidden={hidden} />
      <dl className="space-y-3">
        {player.isUs && !hidden.has("us") && <Row term="Position">This is us</Row>}
        {player.consumer && !hidden.has("consumers") && <Row term="Consumer">Ultimately consumes the product</Row>}
        {!player.isUs && !hidden.has("customer") && !hidden.has("us") && <Row term="Customer of ours?">{CUSTOMER_LABELS[player.customer].label}</Row>}
        {player.why && !hidden.has("customer") && <Row term="Why">{player.why}</Row>}
        {!hidden.has("strategy") && <Row term="Sales strategy">{withHint(STRATEGY_LABELS[player.strategy])}</Row>}
        {!hidden.has("transaction") && <Row term="How we transact">{withHint(TRANSACTION_LABELS[player.transaction])}</Row>}
        {player.aliases.length > 0 && <Row term="Also called">{player.aliases.join(", ")}</Row>}
        {player.notes && <Row term="Notes">{player.notes}</Row>}
      </dl>
    </div>
  );
}
