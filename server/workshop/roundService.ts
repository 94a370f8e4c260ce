/**
 * Workshop rounds. Answers are written to the database only and leave the server only once
 * the facilitator reveals the round; the live document carries the public part of a round
 * (questions, status, timer, who has answered) so every participant sees it at once.
 * A round takes answers from at most `maxRoundParticipants` people, and the document names at
 * most MAX_ANSWERED_NAMES of them: one editor sending answers in a loop can neither grow the
 * database without bound nor the document every client receives.
 */
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { PrismaClient } from "../db/database";
import type { RoomManager } from "../collab/rooms";
import { MAX_ANSWERED_NAMES, readBoard, readRound, setSpotlight, startRound, writeAnswered, writeRound, type PublicRound, type Spotlight } from "../../lib/collab/boardDoc";
import { checkAnswers, roundSummary, scoreRound, type Participant, type ParticipantAnswers, type RoundAnswers, type RoundQuestion, type RoundScores } from "../../lib/valuechain/rounds";

export class RoundError extends Error {
  constructor(
    readonly reason: "round_not_found" | "round_not_open" | "round_not_revealed" | "invalid_answers" | "unknown_participant" | "round_full",
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

const id = () => randomBytes(16).toString("base64url");
export const WORKSHOP_ORIGIN = Symbol("workshop");

export interface RoundView {
  id: string;
  status: "open" | "revealed" | "closed";
  questions: RoundQuestion[];
  timerSeconds: number | null;
  lockEditing: boolean;
  createdAt: string;
  answered: { ref: string; name: string; function: string; duplicate: boolean }[];
  answers?: (ParticipantAnswers & { ref: string })[];
  scores?: RoundScores;
}

export class RoundService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly rooms: RoomManager,
    private readonly log: Logger,
    private readonly limits: { maxRoundParticipants: number },
  ) {}

  /**
   * Answers, drops and status changes of one round run one at a time: the participant limit is
   * a count then an insert, no answer slips in after the reveal, and the document never
   * receives an older list of who answered after a newer one.
   */
  private readonly queues = new Map<string, Promise<unknown>>();

  private serially<T>(roundId: string, work: () => Promise<T>): Promise<T> {
    const result = (this.queues.get(roundId) ?? Promise.resolve()).then(work);
    const tail = result.catch(() => undefined);
    this.queues.set(roundId, tail);
    void tail.then(() => this.queues.get(roundId) === tail && this.queues.delete(roundId));
    return result;
  }

  async create(boardId: string, questions: RoundQuestion[], timerSeconds: number | null, lockEditing: boolean): Promise<string> {
    const roundId = id();
    const round = await this.prisma.round.create({
      data: { id: roundId, boardId, questions: JSON.stringify(questions), timerSeconds, lockEditing },
    });
    // A new round replaces any open one: close it first so only one round is live.
    await this.prisma.round.updateMany({ where: { boardId, status: "open", id: { not: roundId } }, data: { status: "closed", closedAt: new Date() } });
    await this.rooms.withRoom(boardId, (room) => {
      startRound(room.doc, { id: roundId, status: "open", questions, timerSeconds, startedAt: round.createdAt.toISOString(), lockEditing }, WORKSHOP_ORIGIN);
      this.log.info({ boardId, roundId }, "workshop round started");
      return room.whenIdle();
    });
    return roundId;
  }

  async answer(boardId: string, roundId: string, participantId: string | undefined, who: Participant, answers: RoundAnswers): Promise<string> {
    return this.serially(roundId, async () => {
      const round = await this.find(boardId, roundId);
      if (round.status !== "open") throw new RoundError("round_not_open", "This round no longer takes answers.");
      const board = await this.rooms.withRoom(boardId, (room) => readBoard(room.doc));
      const problem = checkAnswers(answers, JSON.parse(round.questions), board);
      if (problem) throw new RoundError("invalid_answers", `${problem.path}: ${problem.message}`, problem.path);

      let pid = participantId;
      if (pid) {
        const known = await this.prisma.participant.findFirst({ where: { id: pid, boardId }, select: { id: true } });
        if (!known) throw new RoundError("unknown_participant", "This participant id was not issued for this board; send none to get one.", "participantId");
      }
      const answeredBefore = pid ? await this.prisma.roundAnswer.findUnique({ where: { roundId_participantId: { roundId, participantId: pid } }, select: { ref: true } }) : null;
      // Only a new participant counts against the limit: those in the round can still change their answers.
      if (!answeredBefore && (await this.prisma.roundAnswer.count({ where: { roundId } })) >= this.limits.maxRoundParticipants) {
        throw new RoundError("round_full", `This round is full: it takes answers from at most ${this.limits.maxRoundParticipants} participants. Those who have answered can still change their answers.`);
      }
      if (!pid) {
        pid = id();
        await this.prisma.participant.create({ data: { id: pid, boardId } });
      }
      const data = { name: who.name, function: who.function, answers: JSON.stringify(answers) };
      await this.prisma.roundAnswer.upsert({
        where: { roundId_participantId: { roundId, participantId: pid } },
        create: { roundId, participantId: pid, ref: id().slice(0, 12), ...data },
        update: data,
      });
      await this.syncDoc(boardId, roundId);
      return pid;
    });
  }

  async view(boardId: string, roundId: string): Promise<RoundView> {
    const round = await this.find(boardId, roundId);
    const rows = await this.prisma.roundAnswer.findMany({ where: { roundId }, orderBy: { createdAt: "asc" } });
    const questions = JSON.parse(round.questions) as RoundQuestion[];
    const seen = new Map<string, number>();
    for (const r of rows) seen.set(`${r.name.toLowerCase()}|${r.function}`, (seen.get(`${r.name.toLowerCase()}|${r.function}`) ?? 0) + 1);
    const view: RoundView = {
      id: round.id,
      status: round.status as RoundView["status"],
      questions,
      timerSeconds: round.timerSeconds,
      lockEditing: round.lockEditing,
      createdAt: round.createdAt.toISOString(),
      answered: rows.map((r) => ({ ref: r.ref, name: r.name, function: r.function, duplicate: (seen.get(`${r.name.toLowerCase()}|${r.function}`) ?? 0) > 1 })),
    };
    // Private means private: answers and scores leave the server only after the reveal.
    if (round.status === "open") return view;
    const answers = rows.map((r) => ({ ref: r.ref, name: r.name, function: r.function, answers: JSON.parse(r.answers) as RoundAnswers }));
    const board = await this.rooms.withRoom(boardId, (room) => readBoard(room.doc));
    return { ...view, answers, scores: scoreRound(questions, answers, board) };
  }

  async list(boardId: string): Promise<{ id: string; status: string; questions: RoundQuestion[]; createdAt: string; answeredCount: number }[]> {
    const rounds = await this.prisma.round.findMany({ where: { boardId }, orderBy: { createdAt: "desc" }, include: { _count: { select: { answers: true } } } });
    return rounds.map((r) => ({ id: r.id, status: r.status, questions: JSON.parse(r.questions), createdAt: r.createdAt.toISOString(), answeredCount: r._count.answers }));
  }

  async reveal(boardId: string, roundId: string): Promise<RoundView> {
    await this.serially(roundId, async () => {
      const round = await this.find(boardId, roundId);
      if (round.status === "closed") throw new RoundError("round_not_open", "This round is closed.");
      await this.prisma.round.update({ where: { id: roundId }, data: { status: "revealed", revealedAt: round.revealedAt ?? new Date() } });
      await this.syncDoc(boardId, roundId, "revealed");
    });
    return this.view(boardId, roundId);
  }

  async close(boardId: string, roundId: string): Promise<RoundView> {
    await this.serially(roundId, async () => {
      const round = await this.find(boardId, roundId);
      // Closing an unrevealed round reveals it too: past rounds stay readable with their results.
      await this.prisma.round.update({ where: { id: roundId }, data: { status: "closed", closedAt: new Date(), revealedAt: round.revealedAt ?? new Date() } });
      await this.syncDoc(boardId, roundId, "closed");
    });
    return this.view(boardId, roundId);
  }

  /** The facilitator drops a duplicate participant's answers. */
  async drop(boardId: string, roundId: string, ref: string): Promise<void> {
    await this.find(boardId, roundId);
    await this.serially(roundId, async () => {
      const { count } = await this.prisma.roundAnswer.deleteMany({ where: { roundId, ref } });
      if (!count) throw new RoundError("round_not_found", "No such participant in this round.");
      await this.syncDoc(boardId, roundId);
    });
  }

  async summary(boardId: string, roundId: string): Promise<string> {
    const view = await this.view(boardId, roundId);
    if (!view.scores) throw new RoundError("round_not_revealed", "The round has not been revealed yet.");
    const board = await this.rooms.withRoom(boardId, (room) => readBoard(room.doc));
    return roundSummary({ questions: view.questions, createdAt: view.createdAt }, view.scores, board, view.answered);
  }

  /** The facilitator's "bring everyone to my view" (owner only, R-WORKSHOP); null ends it. */
  async setSpotlight(boardId: string, spotlight: Spotlight | null): Promise<void> {
    await this.rooms.withRoom(boardId, (room) => {
      setSpotlight(room.doc, spotlight, WORKSHOP_ORIGIN);
      return room.whenIdle();
    });
  }

  private async find(boardId: string, roundId: string) {
    const round = await this.prisma.round.findFirst({ where: { id: roundId, boardId } });
    if (!round) throw new RoundError("round_not_found", "No such round on this board.");
    return round;
  }

  /**
   * Brings the document's public round up to the database: its status when given, and who
   * answered (the first MAX_ANSWERED_NAMES and the count). Only what changed is written.
   */
  private async syncDoc(boardId: string, roundId: string, status?: PublicRound["status"]): Promise<void> {
    const [count, rows] = await Promise.all([
      this.prisma.roundAnswer.count({ where: { roundId } }),
      this.prisma.roundAnswer.findMany({
        where: { roundId },
        orderBy: [{ createdAt: "asc" }, { ref: "asc" }],
        take: MAX_ANSWERED_NAMES,
        select: { ref: true, name: true, function: true, createdAt: true },
      }),
    ]);
    await this.rooms.withRoom(boardId, (room) => {
      const current = readRound(room.doc);
      if (current?.id !== roundId) return;
      room.doc.transact(() => {
        if (status && status !== current.status) writeRound(room.doc, { ...current, status });
        writeAnswered(room.doc, rows.map((r) => ({ ref: r.ref, name: r.name, function: r.function, at: r.createdAt.getTime() })), count);
      }, WORKSHOP_ORIGIN);
      return room.whenIdle();
    });
  }
}
