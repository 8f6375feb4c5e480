import { describe, expect, it } from "vitest";
import { correctPlaceName } from "./correct-place-name";

describe("OCR place names against the gazetteer", () => {
  it("fixes one misread character under the printed parent place", () => {
    const r = correctPlaceName("淮安市洪译区人民政府", "本报告由淮安市洪译区人民政府办公室编制");
    expect(r?.name).toBe("淮安市洪泽区人民政府");
    expect(r?.corrections[0]?.region.code).toBe("320813");
  });

  it("without a parent, only when the text names the place or a place above it", () => {
    expect(correctPlaceName("洪译区人民政府", "洪泽区政府网站 淮安")?.name).toBe("洪泽区人民政府");
    expect(correctPlaceName("洪译区人民政府", "没有任何地名")).toBeNull();
  });

  it("leaves a known name alone", () => {
    expect(correctPlaceName("淮安市洪泽区人民政府", "淮安")).toBeNull();
  });
});
