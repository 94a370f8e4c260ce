import { useId } from "react";
import { updatePlayer } from "@/lib/collab/boardDoc";
import { KIND_LABELS, STRATEGY_LABELS, TRANSACTION_LABELS, withHint } from "@/lib/valuechain/labels";
import { PLAYER_KINDS, STRATEGIES, TRANSACTIONS, type Player, type PlayerKind, type Strategy, type Transaction } from "@/lib/valuechain/model";
import { useBoardActions } from "../BoardActions";
import { useSession } from "../hooks/useSession";
import { CollabInput, CollabTextarea } from "../text/CollabField";
import { AliasEditor } from "./AliasEditor";
import { CustomerChoice } from "./CustomerChoice";
import { CheckboxField, Field, SELECT_CLASS } from "./Field";
import { InspectorHeading } from "./InspectorHeading";
import { SelectionActions } from "./SelectionActions";
import { HiddenFields } from "./HiddenFields";
import { useHiddenAnswers } from "../workshop/BlindContext";

/**
 * Every field of one player. Each edit writes only the field it changes (updatePlayer), so
 * someone dragging or editing another field of the same player at the same time keeps theirs;
 * the free-text fields merge concurrent typing character by character (CollabField).
 */
export function PlayerInspector({ player, onDuplicate, onDelete }: { player: Player; onDuplicate: () => void; onDelete: () => void }) {
  const { session } = useSession();
  const { startConnect } = useBoardActions();
  const update = (patch: Partial<Omit<Player, "id">>) => updatePlayer(session.doc, player.id, patch);
  const ids = { name: useId(), kind: useId(), why: useId(), strategy: useId(), transaction: useId(), notes: useId() };
  // A blind round asks about these: their fields wait for the reveal.
  const hidden = useHiddenAnswers();

  return (
    <div className="space-y-4">
      <InspectorHeading kind={player.kind} title="Player" />
      <Field label="Name" htmlFor={ids.name}>
        <CollabInput id={ids.name} testId="inspector-name" field={{ kind: "player", id: player.id, field: "name" }} value={player.name} placeholder="Unnamed" />
      </Field>
      <Field label="Kind" htmlFor={ids.kind}>
        <select id={ids.kind} data-testid="inspector-kind" value={player.kind} onChange={(e) => update({ kind: e.target.value as PlayerKind })} className={SELECT_CLASS}>
          {PLAYER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </Field>
      <HiddenFields hidden={hidden} />
      <div className="space-y-2">
        {!hidden.has("us") && <CheckboxField testId="inspector-isUs" label="This is us" hint="Only one player can be us." checked={player.isUs} onChange={(isUs) => update({ isUs })} />}
        {!hidden.has("consumers") && (
          <CheckboxField
            testId="inspector-consumer"
            label="Ultimate consumer"
            hint="Uses up the product in the form we sell it."
            checked={player.consumer}
            onChange={(consumer) => update({ consumer })}
          />
        )}
      </div>
      {!hidden.has("customer") && (
        <>
          <CustomerChoice name={`customer-${player.id}`} value={player.customer} onChange={(customer) => update({ customer })} />
          <Field label="Why?" htmlFor={ids.why}>
            <CollabTextarea
              id={ids.why}
              testId="inspector-why"
              field={{ kind: "player", id: player.id, field: "why" }}
              value={player.why}
              placeholder="Why is this player a customer, or not?"
            />
          </Field>
        </>
      )}
      {!hidden.has("strategy") && (
        <Field label="Sales strategy" htmlFor={ids.strategy}>
          <select id={ids.strategy} data-testid="inspector-strategy" value={player.strategy} onChange={(e) => update({ strategy: e.target.value as Strategy })} className={SELECT_CLASS}>
            {STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {withHint(STRATEGY_LABELS[s])}
              </option>
            ))}
          </select>
        </Field>
      )}
      {!hidden.has("transaction") && (
        <Field label="How we transact" htmlFor={ids.transaction}>
          <select
            id={ids.transaction}
            data-testid="inspector-transaction"
            value={player.transaction}
            onChange={(e) => update({ transaction: e.target.value as Transaction })}
            className={SELECT_CLASS}
          >
            {TRANSACTIONS.map((t) => (
              <option key={t} value={t}>
                {withHint(TRANSACTION_LABELS[t])}
              </option>
            ))}
          </select>
        </Field>
      )}
      <AliasEditor aliases={player.aliases} onChange={(aliases) => update({ aliases })} />
      <Field label="Notes" htmlFor={ids.notes}>
        <CollabTextarea id={ids.notes} testId="inspector-notes" field={{ kind: "player", id: player.id, field: "notes" }} value={player.notes} placeholder="Anything the team should know" />
      </Field>
      <SelectionActions onConnect={() => startConnect(player.id)} onDuplicate={onDuplicate} onDelete={onDelete} />
    </div>
  );
}
