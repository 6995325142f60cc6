import { describe, expect, it } from "vitest";
import { normaliseAddress, peopleOnItem } from "../src/pane/item";

describe("normaliseAddress", () => {
  it.each([
    ["Ana.Abe@Contoso.example", "ana.abe@contoso.example"],
    ["  ana@x.example ", "ana@x.example"],
    ["mailto:Ana@X.example", "ana@x.example"],
    ["Ana Abe <ANA@x.example>", "ana@x.example"],
    ['"ana@x.example"', "ana@x.example"],
  ])("%s → %s", (input, expected) => expect(normaliseAddress(input)).toBe(expected));

  it("rejects what is not an address", () => {
    expect(normaliseAddress("")).toBeNull();
    expect(normaliseAddress("Ana Abe")).toBeNull();
    expect(normaliseAddress(undefined)).toBeNull();
  });
});

describe("peopleOnItem", () => {
  it("takes the sender, then To, then Cc, lower-cased and deduplicated, with roles and names", () => {
    const people = peopleOnItem({
      from: { emailAddress: "Ana@X.example", displayName: "Ana Abe" },
      to: [
        { emailAddress: "bo@x.example", displayName: "Bo Berg" },
        { emailAddress: "ANA@x.example", displayName: "Ana Abe" },
      ],
      cc: [
        { emailAddress: "cy@x.example", displayName: "cy@x.example" },
        { emailAddress: "Bo@x.example", displayName: "Bo" },
      ],
    });
    expect(people.addresses).toEqual(["ana@x.example", "bo@x.example", "cy@x.example"]);
    expect(Object.fromEntries(people.roles)).toEqual({ "ana@x.example": "from", "bo@x.example": "to", "cy@x.example": "cc" });
    // a display name that is only the address is no name
    expect(Object.fromEntries(people.names)).toEqual({ "ana@x.example": "Ana Abe", "bo@x.example": "Bo Berg" });
  });

  it("reads an appointment's organiser and attendees", () => {
    const people = peopleOnItem({
      organizer: { emailAddress: "org@x.example", displayName: "Org" },
      requiredAttendees: [{ emailAddress: "req@x.example", displayName: "Req" }],
      optionalAttendees: [{ emailAddress: "opt@x.example", displayName: "Opt" }],
    });
    expect(people.addresses).toEqual(["org@x.example", "req@x.example", "opt@x.example"]);
    expect(people.roles.get("org@x.example")).toBe("organizer");
  });

  it("keeps at most 100 addresses (the batch limit) and skips blanks", () => {
    const to = Array.from({ length: 150 }, (_, i) => ({ emailAddress: `p${i}@x.example`, displayName: "" }));
    const people = peopleOnItem({ from: { emailAddress: "", displayName: "" }, to, cc: null });
    expect(people.addresses).toHaveLength(100);
    expect(people.addresses[0]).toBe("p0@x.example");
  });

  it("is empty for no item", () => {
    expect(peopleOnItem(null).addresses).toEqual([]);
  });
});
