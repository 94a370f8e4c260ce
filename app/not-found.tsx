import { AccessProblem } from "@/components/AccessProblem";

// Next's built-in 404 page inlines a <style> without the answer's nonce, which the
// Content-Security-Policy refuses: this one is styled like every other page.
export default function NotFound() {
  return <AccessProblem kind="not-found" />;
}
