import { describe, expect, it, vi } from "vitest";
import { initTheme, isDarkColor, parseColor, themeFromOffice } from "../src/lib/theme";

function stubMedia(dark: boolean) {
  const listeners: ((e: { matches: boolean }) => void)[] = [];
  const mql = { matches: dark, addEventListener: (_: string, l: (e: { matches: boolean }) => void) => listeners.push(l) };
  vi.spyOn(window, "matchMedia").mockImplementation(() => mql as unknown as MediaQueryList);
  return (matches: boolean) => listeners.forEach((l) => l({ matches }));
}

describe("colours", () => {
  it("parses hex and rgb()", () => {
    expect(parseColor("#1f1f1f")).toEqual([31, 31, 31]);
    expect(parseColor("FFF")).toEqual([255, 255, 255]);
    expect(parseColor("rgb(10, 20, 30)")).toEqual([10, 20, 30]);
    expect(parseColor("blue")).toBeNull();
  });
  it("tells dark backgrounds from light ones", () => {
    expect(isDarkColor("#000000")).toBe(true);
    expect(isDarkColor("#292929")).toBe(true);
    expect(isDarkColor("#666666")).toBe(true);
    expect(isDarkColor("#ffffff")).toBe(false);
    expect(isDarkColor("#f3f2f1")).toBe(false);
    expect(isDarkColor(undefined)).toBeNull();
  });
  it("reads Office's theme", () => {
    expect(themeFromOffice({ bodyBackgroundColor: "#1f1f1f" })).toBe("dark");
    expect(themeFromOffice({ bodyBackgroundColor: "#ffffff" })).toBe("light");
    expect(themeFromOffice({ isDarkTheme: true })).toBe("dark");
    expect(themeFromOffice(null)).toBeNull();
  });
});

describe("initTheme", () => {
  it("follows Office's body background and OfficeThemeChanged", () => {
    stubMedia(false);
    const handlers = new Map<unknown, (a: unknown) => void>();
    const office = {
      EventType: { OfficeThemeChanged: "officeThemeChanged" },
      context: { officeTheme: { bodyBackgroundColor: "#212121" }, mailbox: { addHandlerAsync: (t: unknown, h: (a: unknown) => void) => handlers.set(t, h) } },
    };
    expect(initTheme(office)).toBe("dark");
    expect(document.documentElement.getAttribute("data-theme")).toBe("dark");
    handlers.get("officeThemeChanged")!({ officeTheme: { bodyBackgroundColor: "#fafafa" } });
    expect(document.documentElement.getAttribute("data-theme")).toBe("light");
  });

  it("falls back to prefers-color-scheme outside Office and follows its changes", () => {
    const change = stubMedia(true);
    expect(initTheme(null)).toBe("dark");
    expect(document.documentElement.getAttribute("data-theme")).toBe("dark");
    change(false);
    expect(document.documentElement.getAttribute("data-theme")).toBe("light");
  });

  it("ignores prefers-color-scheme while Office decides", () => {
    const change = stubMedia(true);
    initTheme({ context: { officeTheme: { bodyBackgroundColor: "#ffffff" } } });
    expect(document.documentElement.getAttribute("data-theme")).toBe("light");
    change(true);
    expect(document.documentElement.getAttribute("data-theme")).toBe("light");
  });

  it("copes with hosts whose officeTheme throws", () => {
    stubMedia(false);
    const office = {
      context: {
        get officeTheme(): never {
          throw new Error("not supported");
        },
      },
    };
    expect(initTheme(office)).toBe("light");
  });
});
