import type { Player } from "@/lib/valuechain/model";
import { DetailRow as Row } from "./DetailRow";
import { InspectorHeading } from "./InspectorHeading";
import { CUSTOMER_LABELS, STRATEGY_LABELS, TRANSACTION_LABELS } from "./labels";

/** A player for someone who may look but not edit. */
export function PlayerDetails({ player }: { player: Player }) {
  return (
    <div className="space-y-4">
      <InspectorHeading kind={player.kind} title={player.name || "Unnamed"} />
      <dl className="space-y-3">
        {player.isUs && <Row term="Position">This is us</Row>}
        {player.consumer && <Row term="Consumer">Ultimately consumes the product</Row>}
        {!player.isUs && <Row term="Customer of ours?">{CUSTOMER_LABELS[player.customer]}</Row>}
        {player.why && <Row term="Why">{player.why}</Row>}
        <Row term="Sales strategy">{STRATEGY_LABELS[player.strategy]}</Row>
        <Row term="How we transact">{TRANSACTION_LABELS[player.transaction]}</Row>
        {player.aliases.length > 0 && <Row term="Also called">{player.aliases.join(", ")}</Row>}
        {player.notes && <Row term="Notes">{player.notes}</Row>}
      </dl>
    </div>
  );
}
