/**
 * Workshop rounds. Answers are written to the database only and leave the server only once
 * the facilitator reveals the round; the live document carries the public part of a round
 * (questions, status, timer, who has answered) so every participant sees it at once.
 * A round takes answers from at most `maxRoundParticipants` people, and the document names at
 * most MAX_ANSWERED_NAMES of them: one editor sending answers in a loop can neither grow the
 * database without bound nor the document every client receives.
 *
 * A round's timer is the server's: answers sent after `createdAt + timerSeconds` are refused
 * (409 `round_closed`), whatever the browsers' clocks say, and when the time is up a timer
 * marks the public round `timeUp`, which ends its editing pause. The deadline is computed from
 * the database, so a restart changes nothing: `resumeTimers` sets the timers again.
 */
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { PrismaClient } from "../db/database";
import type { LiveBoards } from "../boards/liveBoards";
import { MAX_ANSWERED_NAMES, readRound, setSpotlight, startRound, writeAnswered, writeRound, type PublicRound, type Spotlight } from "../../lib/collab/boardDoc";
import { checkAnswers, scoreRound, type Participant, type RoundAnswers, type RoundQuestion } from "../../lib/valuechain/rounds";
import { roundSummary } from "../../lib/valuechain/roundSummary";
import type { RoundErrorReason } from "../../lib/contracts/errors";
import type { RoundListEntry, RoundStatus, RoundView } from "../../lib/contracts/rounds";

export class RoundError extends Error {
  constructor(
    readonly reason: RoundErrorReason,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

const id = () => randomBytes(16).toString("base64url");
export const WORKSHOP_ORIGIN = Symbol("workshop");

/** When a round stops taking answers, or null without a timer. */
export function roundDeadline(round: { createdAt: Date; timerSeconds: number | null }): number | null {
  return round.timerSeconds === null ? null : round.createdAt.getTime() + round.timerSeconds * 1000;
}

const isTimeUp = (round: { createdAt: Date; timerSeconds: number | null }, now = Date.now()) => {
  const deadline = roundDeadline(round);
  return deadline !== null && now >= deadline;
};

export class RoundService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly live: LiveBoards,
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

  /** Open rounds' timers: round id → the timeout that marks its time up. */
  private readonly timers = new Map<string, NodeJS.Timeout>();

  async create(boardId: string, questions: RoundQuestion[], timerSeconds: number | null, lockEditing: boolean, blind: boolean): Promise<string> {
    const roundId = id();
    const round = await this.prisma.round.create({
      data: { id: roundId, boardId, questions: JSON.stringify(questions), timerSeconds, lockEditing, blind },
    });
    // A new round replaces any open one: close it first so only one round is live.
    const replaced = await this.prisma.round.findMany({ where: { boardId, status: "open", id: { not: roundId } }, select: { id: true } });
    await this.prisma.round.updateMany({ where: { boardId, status: "open", id: { not: roundId } }, data: { status: "closed", closedAt: new Date() } });
    for (const r of replaced) this.clearTimer(r.id);
    await this.live.change(boardId, (doc) => {
      startRound(doc, { id: roundId, status: "open", questions, timerSeconds, startedAt: round.createdAt.toISOString(), lockEditing, blind, timeUp: false }, WORKSHOP_ORIGIN);
      this.log.info({ boardId, roundId }, "workshop round started");
    });
    const deadline = roundDeadline(round);
    if (deadline !== null) this.setTimer(boardId, roundId, deadline);
    return roundId;
  }

  /**
   * Sets the timers of the open rounds again after a start: those whose time has passed while
   * the server was down are marked one board at a time, so a restart does not load every board
   * at once.
   */
  async resumeTimers(): Promise<void> {
    const open = await this.prisma.round.findMany({ where: { status: "open", timerSeconds: { not: null } }, select: { id: true, boardId: true, createdAt: true, timerSeconds: true } });
    const overdue = [];
    for (const r of open) {
      const deadline = roundDeadline(r)!;
      if (deadline > Date.now()) this.setTimer(r.boardId, r.id, deadline);
      else overdue.push(r);
    }
    for (const r of overdue) {
      try {
        await this.endTime(r.boardId, r.id);
      } catch (err) {
        this.log.warn({ err, boardId: r.boardId, roundId: r.id }, "could not mark a workshop round's time as up");
      }
    }
  }

  /** Stops every timer (the server is shutting down). */
  stopTimers(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private setTimer(boardId: string, roundId: string, deadline: number): void {
    this.clearTimer(roundId);
    const timer = setTimeout(() => {
      this.timers.delete(roundId);
      this.endTime(boardId, roundId).catch((err: unknown) => this.log.warn({ err, boardId, roundId }, "could not mark a workshop round's time as up"));
    }, Math.max(0, deadline - Date.now()));
    timer.unref();
    this.timers.set(roundId, timer);
  }

  private clearTimer(roundId: string): void {
    const timer = this.timers.get(roundId);
    if (timer) clearTimeout(timer);
    this.timers.delete(roundId);
  }

  /** The timer ran out: the public round says so (answers closed, editing no longer paused). */
  private endTime(boardId: string, roundId: string): Promise<void> {
    return this.serially(roundId, async () => {
      const round = await this.prisma.round.findFirst({ where: { id: roundId, boardId } });
      if (!round || round.status !== "open" || !isTimeUp(round)) return;
      await this.live.change(boardId, (doc) => {
        const current = readRound(doc);
        if (current?.id !== roundId || current.timeUp) return;
        writeRound(doc, { ...current, timeUp: true }, WORKSHOP_ORIGIN);
        this.log.info({ boardId, roundId }, "workshop round's time is up");
      });
    });
  }

  async answer(boardId: string, roundId: string, participantId: string | undefined, who: Participant, answers: RoundAnswers): Promise<string> {
    return this.serially(roundId, async () => {
      const round = await this.find(boardId, roundId);
      if (round.status !== "open") throw new RoundError("round_not_open", "This round no longer takes answers.");
      if (isTimeUp(round)) {
        // Normally the timer has marked it already; after a restart it may not have yet.
        if (!this.timers.has(roundId)) this.setTimer(boardId, roundId, Date.now());
        throw new RoundError("round_closed", "Time is up: this round no longer takes answers.");
      }
      const board = await this.live.read(boardId);
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
      status: round.status as RoundStatus,
      questions,
      timerSeconds: round.timerSeconds,
      lockEditing: round.lockEditing,
      blind: round.blind,
      endsAt: roundDeadline(round) === null ? null : new Date(roundDeadline(round)!).toISOString(),
      timeUp: isTimeUp(round),
      createdAt: round.createdAt.toISOString(),
      answered: rows.map((r) => ({ ref: r.ref, name: r.name, function: r.function, duplicate: (seen.get(`${r.name.toLowerCase()}|${r.function}`) ?? 0) > 1 })),
    };
    // Private means private: answers and scores leave the server only after the reveal.
    if (round.status === "open") return view;
    const answers = rows.map((r) => ({ ref: r.ref, name: r.name, function: r.function, answers: JSON.parse(r.answers) as RoundAnswers }));
    const board = await this.live.read(boardId);
    return { ...view, answers, scores: scoreRound(questions, answers, board) };
  }

  async list(boardId: string): Promise<RoundListEntry[]> {
    const rounds = await this.prisma.round.findMany({ where: { boardId }, orderBy: { createdAt: "desc" }, include: { _count: { select: { answers: true } } } });
    return rounds.map((r) => ({ id: r.id, status: r.status as RoundStatus, questions: JSON.parse(r.questions), createdAt: r.createdAt.toISOString(), answeredCount: r._count.answers }));
  }

  async reveal(boardId: string, roundId: string): Promise<RoundView> {
    await this.serially(roundId, async () => {
      const round = await this.find(boardId, roundId);
      if (round.status === "closed") throw new RoundError("round_not_open", "This round is closed.");
      await this.prisma.round.update({ where: { id: roundId }, data: { status: "revealed", revealedAt: round.revealedAt ?? new Date() } });
      this.clearTimer(roundId);
      await this.syncDoc(boardId, roundId, "revealed");
    });
    return this.view(boardId, roundId);
  }

  async close(boardId: string, roundId: string): Promise<RoundView> {
    await this.serially(roundId, async () => {
      const round = await this.find(boardId, roundId);
      // Closing an unrevealed round reveals it too: past rounds stay readable with their results.
      await this.prisma.round.update({ where: { id: roundId }, data: { status: "closed", closedAt: new Date(), revealedAt: round.revealedAt ?? new Date() } });
      this.clearTimer(roundId);
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
    const board = await this.live.read(boardId);
    return roundSummary({ questions: view.questions, createdAt: view.createdAt }, view.scores, board, view.answered);
  }

  /** The facilitator's "bring everyone to my view" (owner only, R-WORKSHOP); null ends it. */
  async setSpotlight(boardId: string, spotlight: Spotlight | null): Promise<void> {
    await this.live.change(boardId, (doc) => setSpotlight(doc, spotlight, WORKSHOP_ORIGIN));
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
    await this.live.change(boardId, (doc) => {
      const current = readRound(doc);
      if (current?.id !== roundId) return;
      doc.transact(() => {
        if (status && status !== current.status) writeRound(doc, { ...current, status });
        writeAnswered(doc, rows.map((r) => ({ ref: r.ref, name: r.name, function: r.function, at: r.createdAt.getTime() })), count);
      }, WORKSHOP_ORIGIN);
    });
  }
}
