import { useContext } from "react";
import { PlayerLookupContext, type PlayerLookup } from "../questions/PlayerLookupContext";

export function usePlayerLookup(): PlayerLookup {
  const value = useContext(PlayerLookupContext);
  if (!value) throw new Error("usePlayerLookup is only available inside the questions panel");
  return value;
}
