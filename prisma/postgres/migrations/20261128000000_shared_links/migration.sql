-- AlterTable
ALTER TABLE "BoardToken" ADD COLUMN "sealedLinks" TEXT;
