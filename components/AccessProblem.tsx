import Link from "next/link";

const TEXT = {
  "missing-token": {
    title: "This link is incomplete",
    body: "Board links end with a key (“#t=…”). Ask the person who shared the board for the full link.",
  },
  // One answer for a wrong key and a missing board: telling them apart would tell anyone
  // with an address whether a board exists there.
  "bad-token": {
    title: "This link no longer opens the board",
    body: "The key in the link is wrong or was replaced by the board’s owner, or the board was deleted. Ask the person who shared it for a current link.",
  },
  "too-many-attempts": {
    title: "Too many wrong links",
    body: "Too many wrong board links came from your network in a short time, so board links from it are refused for a few minutes. Try again later, with the link exactly as it was shared.",
  },
  "not-found": {
    title: "There is no page here",
    body: "Check the address, or go back to your boards.",
  },
  unreachable: {
    title: "The board’s server does not answer",
    body: "Chainboard could not check this link because its server cannot be reached. Reload the page in a moment.",
  },
} as const;

export type AccessProblemKind = keyof typeof TEXT;

export function AccessProblem({ kind }: { kind: AccessProblemKind }) {
  const { title, body } = TEXT[kind];
  return (
    <main className="flex min-h-full items-center justify-center p-8">
      <div className="max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm" role="alert" data-testid="access-problem">
        <h1 className="text-xl font-semibold">{title}</h1>
        <p className="mt-3 text-slate-600">{body}</p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
          ← Your boards
        </Link>
      </div>
    </main>
  );
}
