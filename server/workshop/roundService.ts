/**
 * Workshop rounds. Answers are written to the database only and leave the server only once
 * the facilitator reveals the round; the live document carries the public part of a round
 * (questions, status, timer, who has answered) so every participant sees it at once.
 */
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { PrismaClient } from "../db/database";
import type { RoomManager } from "../collab/rooms";
import { readBoard, readRound, writeRound, type PublicRound } from "../../lib/collab/boardDoc";
import { checkAnswers, roundSummary, scoreRound, type Participant, type ParticipantAnswers, type RoundAnswers, type RoundQuestion, type RoundScores } from "../../lib/valuechain/rounds";

export class RoundError extends Error {
  constructor(
    readonly reason: "round_not_found" | "round_not_open" | "round_not_revealed" | "invalid_answers" | "unknown_participant",
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
  ) {}

  async create(boardId: string, questions: RoundQuestion[], timerSeconds: number | null, lockEditing: boolean): Promise<string> {
    const roundId = id();
    const round = await this.prisma.round.create({
      data: { id: roundId, boardId, questions: JSON.stringify(questions), timerSeconds, lockEditing },
    });
    // A new round replaces any open one: close it first so only one round is live.
    await this.prisma.round.updateMany({ where: { boardId, status: "open", id: { not: roundId } }, data: { status: "closed", closedAt: new Date() } });
    await this.publish(boardId, {
      id: roundId,
      status: "open",
      questions,
      timerSeconds,
      startedAt: round.createdAt.toISOString(),
      lockEditing,
      answered: [],
    });
    return roundId;
  }

  async answer(boardId: string, roundId: string, participantId: string | undefined, who: Participant, answers: RoundAnswers): Promise<string> {
    const round = await this.find(boardId, roundId);
    if (round.status !== "open") throw new RoundError("round_not_open", "This round no longer takes answers.");
    const board = await this.rooms.withRoom(boardId, (room) => readBoard(room.doc));
    const problem = checkAnswers(answers, JSON.parse(round.questions), board);
    if (problem) throw new RoundError("invalid_answers", `${problem.path}: ${problem.message}`, problem.path);

    let pid = participantId;
    if (pid) {
      const known = await this.prisma.participant.findFirst({ where: { id: pid, boardId }, select: { id: true } });
      if (!known) throw new RoundError("unknown_participant", "This participant id was not issued for this board; send none to get one.", "participantId");
    } else {
      pid = id();
      await this.prisma.participant.create({ data: { id: pid, boardId } });
    }
    const data = { name: who.name, function: who.function, answers: JSON.stringify(answers) };
    await this.prisma.roundAnswer.upsert({
      where: { roundId_participantId: { roundId, participantId: pid } },
      create: { roundId, participantId: pid, ref: id().slice(0, 12), ...data },
      update: data,
    });
    await this.refreshAnswered(boardId, roundId);
    return pid;
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
    const round = await this.find(boardId, roundId);
    if (round.status === "closed") throw new RoundError("round_not_open", "This round is closed.");
    await this.prisma.round.update({ where: { id: roundId }, data: { status: "revealed", revealedAt: round.revealedAt ?? new Date() } });
    await this.setStatus(boardId, roundId, "revealed");
    return this.view(boardId, roundId);
  }

  async close(boardId: string, roundId: string): Promise<RoundView> {
    const round = await this.find(boardId, roundId);
    // Closing an unrevealed round reveals it too: past rounds stay readable with their results.
    await this.prisma.round.update({ where: { id: roundId }, data: { status: "closed", closedAt: new Date(), revealedAt: round.revealedAt ?? new Date() } });
    await this.setStatus(boardId, roundId, "closed");
    return this.view(boardId, roundId);
  }

  /** The facilitator drops a duplicate participant's answers. */
  async drop(boardId: string, roundId: string, ref: string): Promise<void> {
    await this.find(boardId, roundId);
    const { count } = await this.prisma.roundAnswer.deleteMany({ where: { roundId, ref } });
    if (!count) throw new RoundError("round_not_found", "No such participant in this round.");
    await this.refreshAnswered(boardId, roundId);
  }

  async summary(boardId: string, roundId: string): Promise<string> {
    const view = await this.view(boardId, roundId);
    if (!view.scores) throw new RoundError("round_not_revealed", "The round has not been revealed yet.");
    const board = await this.rooms.withRoom(boardId, (room) => readBoard(room.doc));
    return roundSummary({ questions: view.questions, createdAt: view.createdAt }, view.scores, board, view.answered);
  }

  private async find(boardId: string, roundId: string) {
    const round = await this.prisma.round.findFirst({ where: { id: roundId, boardId } });
    if (!round) throw new RoundError("round_not_found", "No such round on this board.");
    return round;
  }

  private async refreshAnswered(boardId: string, roundId: string): Promise<void> {
    const rows = await this.prisma.roundAnswer.findMany({ where: { roundId }, orderBy: { createdAt: "asc" }, select: { ref: true, name: true, function: true } });
    await this.rooms.withRoom(boardId, (room) => {
      const current = readRound(room.doc);
      if (current?.id === roundId) writeRound(room.doc, { ...current, answered: rows }, WORKSHOP_ORIGIN);
      return room.whenIdle();
    });
  }

  private async setStatus(boardId: string, roundId: string, status: PublicRound["status"]): Promise<void> {
    await this.rooms.withRoom(boardId, (room) => {
      const current = readRound(room.doc);
      if (current?.id === roundId) writeRound(room.doc, { ...current, status }, WORKSHOP_ORIGIN);
      return room.whenIdle();
    });
  }

  private async publish(boardId: string, round: PublicRound): Promise<void> {
    await this.rooms.withRoom(boardId, (room) => {
      writeRound(room.doc, round, WORKSHOP_ORIGIN);
      this.log.info({ boardId, roundId: round.id }, "workshop round started");
      return room.whenIdle();
    });
  }
}
