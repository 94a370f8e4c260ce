import { createContext } from "react";
import { HighlightStore } from "./highlight";

/** The board page's one highlight store; the default lets cards render outside the page (tests, previews). */
export const HighlightContext = createContext(new HighlightStore());
