/**
 * Notes, frames and comment threads through the real server: imported and exported unchanged,
 * synced to every client, in the answers not at all, and out of a viewer's reach.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";
import { connectClient, waitFor, whenSynced } from "../helpers/clients";
import { readBoard } from "../../lib/collab/boardDoc";
import { addNote, reply, startThread } from "../../lib/collab/discussionDoc";
import { TEMPLATES } from "../../lib/valuechain/templates";
import { toBoardFile } from "../../lib/valuechain/schema";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const template = toBoardFile(TEMPLATES["building-products"].board);
const [first] = template.players;
const discussion = {
  notes: [
    { id: "n1", text: "Kitchen studios?\nmaybe 10% of dealers", color: "yellow", x: -300, y: 40, author: { name: "Ada", function: "Sales" } },
    { id: "n2", text: "", color: "#a5f3fc", x: -300, y: 200 },
  ],
  frames: [{ id: "f1", title: "Project business", x: 400, y: 300, width: 800, height: 400 }],
  comments: [
    {
      id: "t1",
      target: { player: first.id },
      resolved: false,
      messages: [
        { id: "m1", author: { name: "Ada", function: "Sales" }, text: "Is this really a customer?", at: "2026-11-28T09:00:00.000Z" },
        { id: "m2", author: { name: "Ben", function: "Finance" }, text: "@Ada yes, we invoice them", at: "2026-11-28T09:03:00.000Z" },
      ],
    },
    { id: "t2", target: { channel: template.channels[0].id }, resolved: true, messages: [{ id: "m3", author: { name: "Cleo" }, text: "Share checked", at: "2026-11-28T09:10:00.000Z" }] },
    { id: "t3", target: { x: 10, y: 20 }, resolved: false, messages: [{ id: "m4", author: { name: "Cleo" }, text: "Anything missing here?", at: "2026-11-28T09:11:00.000Z" }] },
  ],
};

async function importFile(file: unknown) {
  const res = await fetch(`${server.url}/api/boards/import`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(file) });
  return { status: res.status, body: (await res.json()) as { id: string; ownerToken: string; editToken: string; viewToken: string; error?: { path: string } } };
}
const get = async (path: string, token: string) => (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json();

describe("notes, frames and comments in the chainboard/v1 file", () => {
  it("come back equal from an export, and leave the answers as they were without them", async () => {
    const withThem = await importFile({ ...template, ...discussion });
    const without = await importFile(template);
    expect([withThem.status, without.status]).toEqual([201, 201]);
    const exported = await get(`/api/boards/${withThem.body.id}/export`, withThem.body.viewToken);
    expect(exported.notes).toEqual(discussion.notes);
    expect(exported.frames).toEqual(discussion.frames);
    expect(exported.comments).toEqual(discussion.comments);
    const plain = await get(`/api/boards/${without.body.id}/export`, without.body.viewToken);
    expect(plain).not.toHaveProperty("notes");
    expect(await get(`/api/boards/${withThem.body.id}/answers`, withThem.body.viewToken)).toEqual(await get(`/api/boards/${without.body.id}/answers`, without.body.viewToken));
  });

  it("refuses a malformed one with the path, and creates nothing", async () => {
    const bad = await importFile({ ...template, comments: [{ ...discussion.comments[0], messages: [{ ...discussion.comments[0].messages[0], at: "last Tuesday" }] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ path: "comments[0].messages[0].at" });
  });

  it("sync live between clients, and a viewer cannot add to them", async () => {
    const { body: board } = await importFile({ ...template, ...discussion });
    const editor = connectClient(server.wsUrl, board.id, board.editToken);
    const viewer = connectClient(server.wsUrl, board.id, board.viewToken);
    await Promise.all([whenSynced(editor), whenSynced(viewer)]);
    expect(readBoard(viewer.doc).comments).toHaveLength(3);

    reply(editor.doc, "t3", { id: "m5", author: { name: "Dan" }, text: "The architect", at: "2026-11-28T10:00:00.000Z" });
    await waitFor(() => readBoard(viewer.doc).comments?.find((t) => t.id === "t3")?.messages.length === 2, 10_000, "the reply reaches the viewer");

    startThread(viewer.doc, { id: "sneaky", target: { x: 0, y: 0 }, message: { id: "s", author: { name: "Eve" }, text: "viewer thread", at: "2026-11-28T10:00:00.000Z" } });
    addNote(viewer.doc, { id: "sneaky-note", text: "viewer note", color: "pink", x: 0, y: 0 });
    // An editor's later change shows the server has moved past the viewer's writes.
    addNote(editor.doc, { id: "marker", text: "editor note", color: "blue", x: 0, y: 0 });
    let stored = await get(`/api/boards/${board.id}/export`, board.ownerToken);
    for (let tries = 0; !stored.notes.some((n: { id: string }) => n.id === "marker"); tries++) {
      if (tries > 200) throw new Error("the editor's note never reached the server");
      await new Promise((r) => setTimeout(r, 50));
      stored = await get(`/api/boards/${board.id}/export`, board.ownerToken);
    }
    expect(stored.comments.map((t: { id: string }) => t.id)).toEqual(["t1", "t2", "t3"]);
    expect(stored.notes.map((n: { id: string }) => n.id)).toEqual(["marker", "n1", "n2"]);
    editor.destroy();
    viewer.destroy();
  });
});
