import { useContext } from "react";
import { SessionContext, type BoardContextValue } from "../SessionContext";

export function useSession(): BoardContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession is only available inside the board page");
  return value;
}
