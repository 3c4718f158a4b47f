import { createRequire } from "node:module";
import path from "node:path";

import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import type {
  PDFDocumentProxy,
  TextItem,
  TextMarkedContent,
} from "pdfjs-dist/types/src/display/api";

import { pageText } from "./pdf-lines";
import { DocumentRefused, reasonOf } from "./refused";

type PdfJs = typeof PdfJsModule;

let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js ships as ES modules only; this project is CommonJS, so it is loaded with a dynamic
 * import, once. The legacy build is the one meant for Node. In Node pdf.js never starts a worker
 * thread: it runs its worker code on the main thread (a "fake worker" it imports itself).
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjs;
}

/** pdf.js's data folders, found from the installed package, with the trailing slash it requires. */
function packageFolder(name: string): string {
  const root = path.dirname(createRequire(__filename).resolve("pdfjs-dist/package.json"));
  return `${path.join(root, name)}/`;
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return "str" in item;
}

/** A PDF's text layer and page count. */
export interface PdfText {
  readonly text: string;
  readonly pages: number;
}

/**
 * A PDF's text, page by page (pages separated by a line break). Chinese PDFs without embedded
 * fonts name Adobe's predefined CMaps (UniGB-UCS2-H …), which pdf.js reads from its `cmaps/`.
 * A PDF with pages but no text on any is a scan and is refused: OCR is a separate, reviewed step.
 */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<PdfText> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const task = getDocument({
    // A copy: pdf.js refuses a Buffer and takes over (detaches) the array it is given.
    data: new Uint8Array(bytes),
    cMapUrl: packageFolder("cmaps"),
    cMapPacked: true,
    standardFontDataUrl: packageFolder("standard_fonts"),
    wasmUrl: packageFolder("wasm"),
    disableFontFace: true,
    useSystemFonts: false,
    // Warnings about fonts and structure go to the console otherwise; a refusal says what matters.
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const pages = await pageTexts(task.promise).catch((cause: unknown) => {
      throw unreadable(fileName, cause);
    });
    if (pages.length === 0) {
      throw new DocumentRefused("EMPTY", fileName, `${fileName} is a PDF without pages`);
    }
    if (pages.every((page) => page.trim() === "")) {
      throw new DocumentRefused(
        "NO_TEXT_LAYER",
        fileName,
        `no text layer: ${fileName} is a scanned PDF (${pages.length} page${pages.length === 1 ? "" : "s"} of images or drawings, no text); run OCR first`,
      );
    }
    return { text: pages.join("\n"), pages: pages.length };
  } finally {
    await task.destroy();
  }
}

/** Each page's text, in page order. */
async function pageTexts(loading: Promise<PDFDocumentProxy>): Promise<string[]> {
  const document = await loading;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(pageText(content.items.filter(isTextItem)));
    page.cleanup();
  }
  return pages;
}

function unreadable(fileName: string, cause: unknown): DocumentRefused {
  const locked = cause instanceof Error && cause.name === "PasswordException";
  return new DocumentRefused(
    "UNREADABLE",
    fileName,
    locked
      ? `${fileName} is password-protected; send it without the password`
      : `${fileName} could not be read as a PDF (${reasonOf(cause)}); the file is damaged`,
    { cause },
  );
}
