import { describe, expect, it } from "vitest";
import { REQUEST_ROWS, toRowName } from "./template";

describe("toRowName (行名 in findings)", () => {
  it("names a row, a sub-row with its group, and a group as the table prints them", () => {
    expect(toRowName("granted")).toBe("（一）予以公开");
    expect(toRowName("denied.stateSecret")).toBe("（三）不予公开 1.属于国家秘密");
    expect(toRowName("group:otherHandling")).toBe("（六）其他处理");
    expect(toRowName("newReceived")).toBe("一、本年新收政府信息公开申请数量");
  });

  it("gives every template row a name without internal keys, and leaves an unknown key as it is", () => {
    for (const row of REQUEST_ROWS) expect(toRowName(row.path)).not.toMatch(/[a-z]/);
    expect(toRowName("something.else")).toBe("something.else");
  });
});
