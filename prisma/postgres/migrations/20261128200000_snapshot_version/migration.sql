-- Compare-and-set guard for compaction by several processes (docs/SPEC.md R-COMPACT)
ALTER TABLE "DocSnapshot" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
