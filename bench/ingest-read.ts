/**
 * How long reading a document into its normalised text takes (issue 15 bounds a whole 100-page PDF
 * ingestion at 30 s; this is the reading part alone). Builds the FIXTURE documents of
 * test/fixtures/documents (fictional text, never fact): the 100-page PDF, and a .docx and a .txt
 * holding the same lines. Each is read 5 times after one cold read (which for the PDF includes
 * loading pdf.js); the median is reported. The last line printed is the JSON summary.
 *
 *   npx tsx bench/ingest-read.ts
 */
import os from "node:os";

import { readDocument } from "../src/ingest/read";
import { buildDocx, buildLongPdf } from "../test/fixtures/documents/build";
import { onNode24 } from "./lib/node24";

const RUNS = 5;

interface Timing {
  readonly file: string;
  readonly bytes: number;
  readonly chars: number;
  readonly pages: number | null;
  readonly coldMs: number;
  readonly medianMs: number;
  readonly runsMs: readonly number[];
}

async function timeOnce(bytes: Uint8Array, file: string): Promise<[number, number, number | null]> {
  const started = performance.now();
  const read = await readDocument(bytes, file);
  return [performance.now() - started, read.text.length, read.pages];
}

async function measure(file: string, bytes: Uint8Array): Promise<Timing> {
  const [coldMs, chars, pages] = await timeOnce(bytes, file);
  const runsMs: number[] = [];
  for (let run = 0; run < RUNS; run += 1) runsMs.push((await timeOnce(bytes, file))[0]);
  const sorted = [...runsMs].sort((a, b) => a - b);
  const medianMs = sorted[Math.floor(RUNS / 2)] ?? Number.NaN;
  return { file, bytes: bytes.byteLength, chars, pages, coldMs, medianMs, runsMs };
}

async function main(): Promise<void> {
  const { bytes: pdf, pages } = buildLongPdf(100);
  const lines = pages.flat();
  const docx = await buildDocx(lines);
  const txt = new TextEncoder().encode(lines.join("\n"));

  const timings = [
    await measure("fixture-100-pages.pdf", pdf),
    await measure("fixture-100-pages.docx", docx),
    await measure("fixture-100-pages.txt", txt),
  ];
  for (const t of timings) {
    process.stdout.write(
      `${t.file.padEnd(24)} ${(t.bytes / 1024).toFixed(0).padStart(6)} KiB  ` +
        `${t.chars.toLocaleString("en").padStart(8)} chars  ` +
        `median ${t.medianMs.toFixed(1).padStart(7)} ms  (cold ${t.coldMs.toFixed(1)} ms)\n`,
    );
  }
  const machine = {
    node: process.version,
    cpu: os.cpus()[0]?.model ?? "unknown",
    cpus: os.cpus().length,
  };
  process.stdout.write(
    `${JSON.stringify({ bench: "ingest-read", runs: RUNS, machine, timings })}\n`,
  );
}

onNode24(main);
