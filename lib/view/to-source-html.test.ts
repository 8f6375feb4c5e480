import { describe, expect, it } from "vitest";
import { escapeHtml, toSourceHtml } from "./to-source-html";
import type { SourceMarkData } from "./to-source-marks";

const mark = (over: Partial<SourceMarkData>): SourceMarkData => ({
  path: "requests.newReceived[6]",
  line: 1,
  start: 0,
  end: 1,
  label: "申请量",
  page: null,
  box: null,
  isInferred: false,
  ...over,
});

/** The DOM a browser builds from the HTML, without a browser: just enough to read text and tags back. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("toSourceHtml", () => {
  it("numbers every line, links it to itself and keeps its text", () => {
    const html = toSourceHtml(["第一行", "", "第三行"], []);
    expect(html.match(/<li /g)).toHaveLength(3);
    expect(html).toContain(`<li id="L2" tabindex="-1" class="source-line"><a href="#L2" aria-label="第 2 行">2</a><span></span></li>`);
    expect(textOf(html)).toBe("1第一行23第三行");
  });

  it("escapes hostile text and labels: no tag or attribute of the report's own survives", () => {
    const hostile = `<script>alert("x")</script><img src=x onerror='alert(1)'> & "q"`;
    const html = toSourceHtml([hostile], [mark({ start: 0, end: 8, label: `"><b onclick=x>` })]);
    expect(html).not.toMatch(/<script|<img|<b /);
    expect(html).not.toContain(`"><b`);
    expect(textOf(html)).toBe(`1${hostile}`);
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });

  it("marks values read (amber) and inferred (sky) with their field name, and names the PDF page", () => {
    const marks = [
      mark({ line: 1, start: 4, end: 6, label: "申请量", page: 3 }),
      mark({ line: 1, start: 0, end: 2, label: "办结量", isInferred: true }),
    ];
    const html = toSourceHtml(["ab  12  end"], marks);
    expect(html).toContain(
      `<mark title="办结量" class="rounded bg-sky-100 text-inherit">ab</mark>  <mark title="申请量" class="rounded bg-amber-100 text-inherit">12</mark>  end`,
    );
    expect(html).toContain("（PDF 第 3 页）");
  });

  it("leaves out marks that are empty, run past the line or overlap an earlier one", () => {
    const marks = [
      mark({ start: 0, end: 3 }),
      mark({ start: 2, end: 4, label: "overlap" }),
      mark({ start: 5, end: 5, label: "empty" }),
      mark({ start: 5, end: 99, label: "past" }),
    ];
    const html = toSourceHtml(["abcdefg"], marks);
    expect(html.match(/<mark/g)).toHaveLength(1);
    expect(textOf(html)).toBe("1abcdefg");
  });
});
