import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// Every page is rendered per request: its scripts carry that answer's CSP nonce
// (server/http/securityHeaders.ts), which a page prerendered at build time cannot.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Chainboard",
  description: "Draw, question and agree on your value chain, together and in real time.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
