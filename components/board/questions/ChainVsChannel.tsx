/** The distinction the eight questions rest on, in a few plain sentences, folded away until asked for. */
export function ChainVsChannel() {
  return (
    <details data-testid="chain-vs-channel" className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700">
      <summary className="cursor-pointer font-semibold text-slate-900 marker:text-slate-400">What&apos;s the difference between a value chain and a distribution channel?</summary>
      <p className="mt-2">
        The value chain is the whole picture: everyone from the player who starts it to the one who finally uses the product up, including players who
        never buy or sell it but sway the choice, such as architects or consultants. A distribution channel is one route through that picture, along which
        our product actually travels from us to a consumer. A value chain usually holds several channels side by side, for example through a merchant and a
        dealer, or straight to a project installer. So a player can belong to the value chain without being on any channel, and the number of channels tells
        you how many routes to market the sales team has to serve.
      </p>
    </details>
  );
}
