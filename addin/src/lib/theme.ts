// Light or dark, exposed as <html data-theme="light|dark">. Inside Office the host's theme wins
// (Office.context.officeTheme, and OfficeThemeChanged when the host supports it); elsewhere the
// browser's prefers-color-scheme.

export type Theme = "light" | "dark";

export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
}

export interface ThemeOffice {
  context?: {
    officeTheme?: OfficeThemeLike | null;
    mailbox?: {
      addHandlerAsync?: (type: unknown, handler: (args: unknown) => void, ...rest: unknown[]) => void;
    } | null;
  } | null;
  EventType?: Record<string, unknown>;
}

/** Parses "#rgb", "#rrggbb" or "rgb(r, g, b)" to [r, g, b], or null. */
export function parseColor(value: string | null | undefined): [number, number, number] | null {
  if (!value) return null;
  const v = value.trim();
  let m = /^#?([0-9a-f]{6})$/i.exec(v);
  if (m?.[1]) {
    const n = parseInt(m[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  m = /^#?([0-9a-f]{3})$/i.exec(v);
  if (m?.[1]) {
    const [r, g, b] = m[1].split("").map((c) => parseInt(c + c, 16)) as [number, number, number];
    return [r, g, b];
  }
  const rgb = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i.exec(v);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}

/** True when a background colour is dark (WCAG relative luminance below 0.179, where white text starts to contrast better than black). */
export function isDarkColor(value: string | null | undefined): boolean | null {
  const rgb = parseColor(value);
  if (!rgb) return null;
  const lin = rgb.map((c) => {
    const x = c / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  return luminance < 0.179;
}

export function themeFromOffice(theme: OfficeThemeLike | null | undefined): Theme | null {
  if (!theme) return null;
  const dark = isDarkColor(theme.bodyBackgroundColor);
  if (dark !== null) return dark ? "dark" : "light";
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  return null;
}

export function applyTheme(theme: Theme, doc: Document = document): void {
  doc.documentElement.setAttribute("data-theme", theme);
}

function readOfficeTheme(office: ThemeOffice | null | undefined): OfficeThemeLike | null {
  try {
    return office?.context?.officeTheme ?? null;
  } catch {
    return null; // officeTheme throws on hosts that do not support it
  }
}

/**
 * Applies the theme now and keeps it current. Returns the theme chosen first.
 */
export function initTheme(office: ThemeOffice | null | undefined, win: Window = window): Theme {
  const doc = win.document;
  const fromOffice = themeFromOffice(readOfficeTheme(office));
  const media = typeof win.matchMedia === "function" ? win.matchMedia("(prefers-color-scheme: dark)") : null;
  let followOffice = fromOffice !== null;
  const initial: Theme = fromOffice ?? (media?.matches ? "dark" : "light");
  applyTheme(initial, doc);

  const themeChanged = office?.EventType?.OfficeThemeChanged;
  const mailbox = office?.context?.mailbox;
  if (themeChanged !== undefined && typeof mailbox?.addHandlerAsync === "function") {
    try {
      mailbox.addHandlerAsync(themeChanged, (args: unknown) => {
        const t = themeFromOffice((args as { officeTheme?: OfficeThemeLike } | null)?.officeTheme ?? readOfficeTheme(office));
        if (t) {
          followOffice = true;
          applyTheme(t, doc);
        }
      });
    } catch {
      // older hosts: no theme events
    }
  }
  media?.addEventListener?.("change", (e: MediaQueryListEvent) => {
    if (!followOffice) applyTheme(e.matches ? "dark" : "light", doc);
  });
  return initial;
}
