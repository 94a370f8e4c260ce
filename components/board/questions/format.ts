/** The number and list words moved to lib/valuechain/format.ts, so the server's report says them the same way. */
export { formatPercent, listWords, plural } from "@/lib/valuechain/format";
