// @vitest-environment node
// The add-in manifests, checked by parsing them (office-addin-manifest's validator needs the
// internet). The XML is parsed strictly with @xmldom/xmldom: malformed XML fails the test.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DOMParser, type Document as XmlDocument, type Element as XmlElement } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { root } from "./helpers";

const BASE = "https://localhost:5180";
const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  vo10: "http://schemas.microsoft.com/office/mailappversionoverrides",
  vo11: "http://schemas.microsoft.com/office/mailappversionoverrides/1.1",
};

const xmlText = readFileSync(path.join(root, "manifest.xml"), "utf8");
const doc: XmlDocument = new DOMParser({
  onError: (level, message) => {
    throw new Error(`manifest.xml ${level}: ${message}`);
  },
}).parseFromString(xmlText, "text/xml");
const top = doc.documentElement!;

function children(el: XmlElement, ns: string, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as XmlElement).namespaceURI === ns && (!name || (n as XmlElement).localName === name)) out.push(n as XmlElement);
  }
  return out;
}
function child(el: XmlElement, ns: string, name: string): XmlElement {
  const found = children(el, ns, name);
  expect(found, `<${name}> under <${el.localName}>`).toHaveLength(1);
  return found[0]!;
}
function all(ns: string, name: string): XmlElement[] {
  return Array.from(doc.getElementsByTagNameNS(ns, name) as unknown as ArrayLike<XmlElement>);
}
const xsiType = (el: XmlElement) => el.getAttributeNS(NS.xsi, "type");
const text = (el: XmlElement) => (el.textContent ?? "").trim();
const vo11 = () => child(child(top, NS.vo10, "VersionOverrides"), NS.vo11, "VersionOverrides");
const resource = (kind: "Images" | "Urls", id: string) => {
  const res = child(child(vo11(), NS.vo11, "Resources"), NS.bt, kind);
  const match = children(res, NS.bt).find((e) => e.getAttribute("id") === id);
  expect(match, `${kind} resource ${id}`).toBeDefined();
  return match!.getAttribute("DefaultValue")!;
};

describe("manifest.xml", () => {
  it("is a MailApp OfficeApp with a fixed GUID, ProviderName NetworkSync and ReadItem", () => {
    expect(top.localName).toBe("OfficeApp");
    expect(top.namespaceURI).toBe(NS.app);
    expect(xsiType(top)).toBe("MailApp");
    expect(text(child(top, NS.app, "Id"))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(text(child(top, NS.app, "ProviderName"))).toBe("NetworkSync");
    expect(child(top, NS.app, "DisplayName").getAttribute("DefaultValue")).toBe("NetworkSync");
    expect(text(child(top, NS.app, "Permissions"))).toBe("ReadItem");
    expect(child(child(top, NS.app, "Hosts"), NS.app, "Host").getAttribute("Name")).toBe("Mailbox");
  });

  it("keeps the top-level elements in schema order", () => {
    const order = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "FormSettings", "Permissions", "Rule", "DisableEntityHighlighting", "VersionOverrides"];
    const names = [...children(top, NS.app), ...children(top, NS.vo10)].map((e) => e.localName);
    expect(names).toEqual(order);
  });

  it("requires Mailbox 1.5", () => {
    const set = child(child(child(top, NS.app, "Requirements"), NS.app, "Sets"), NS.app, "Set");
    expect(set.getAttribute("Name")).toBe("Mailbox");
    expect(set.getAttribute("MinVersion")).toBe("1.5");
    const sets = child(child(vo11(), NS.vo11, "Requirements"), NS.bt, "Sets");
    expect(sets.getAttribute("DefaultMinVersion")).toBe("1.5");
    expect(child(sets, NS.bt, "Set").getAttribute("Name")).toBe("Mailbox");
  });

  it("opens the task pane in read mode from FormSettings", () => {
    const form = child(child(top, NS.app, "FormSettings"), NS.app, "Form");
    expect(xsiType(form)).toBe("ItemRead");
    expect(child(child(form, NS.app, "DesktopSettings"), NS.app, "SourceLocation").getAttribute("DefaultValue")).toBe(`${BASE}/addin/taskpane.html`);
    const rule = child(child(top, NS.app, "Rule"), NS.app, "Rule");
    expect([xsiType(rule), rule.getAttribute("ItemType"), rule.getAttribute("FormType")]).toEqual(["ItemIs", "Message", "Read"]);
  });

  it("uses VersionOverrides 1.1 with a pinnable task-pane button on MessageReadCommandSurface", () => {
    expect(xsiType(child(top, NS.vo10, "VersionOverrides"))).toBe("VersionOverridesV1_0");
    expect(xsiType(vo11())).toBe("VersionOverridesV1_1");
    const host = child(child(vo11(), NS.vo11, "Hosts"), NS.vo11, "Host");
    expect(xsiType(host)).toBe("MailHost");
    const points = all(NS.vo11, "ExtensionPoint");
    expect(points.map(xsiType)).toEqual(["MessageReadCommandSurface"]);
    const controls = all(NS.vo11, "Control");
    expect(controls).toHaveLength(1);
    expect(xsiType(controls[0]!)).toBe("Button");
    const action = child(controls[0]!, NS.vo11, "Action");
    expect(xsiType(action)).toBe("ShowTaskpane");
    expect(text(child(action, NS.vo11, "SupportsPinning"))).toBe("true");
    expect(resource("Urls", child(action, NS.vo11, "SourceLocation").getAttribute("resid")!)).toBe(`${BASE}/addin/taskpane.html`);
    const icons = children(child(controls[0]!, NS.vo11, "Icon"), NS.bt, "Image");
    expect(icons.map((i) => i.getAttribute("size"))).toEqual(["16", "32", "80"]);
    for (const i of icons) expect(resource("Images", i.getAttribute("resid")!)).toBe(`${BASE}/addin/assets/icon-${i.getAttribute("size")}.png`);
  });

  it("has every resid it refers to, and resource ids are unique", () => {
    const ids = all(NS.bt, "Image").concat(all(NS.bt, "Url"), all(NS.bt, "String")).map((e) => e.getAttribute("id")).filter((x): x is string => !!x);
    expect(new Set(ids).size).toBe(ids.length);
    const refs = Array.from(doc.getElementsByTagName("*") as unknown as ArrayLike<XmlElement>)
      .map((e) => e.getAttribute("resid"))
      .filter((x): x is string => !!x);
    expect(refs.length).toBeGreaterThan(5);
    for (const r of refs) expect(ids).toContain(r);
  });

  it("names icons at 16, 32, 64, 80 and 128 px and real PNG files of those sizes", () => {
    expect(child(top, NS.app, "IconUrl").getAttribute("DefaultValue")).toBe(`${BASE}/addin/assets/icon-64.png`);
    expect(child(top, NS.app, "HighResolutionIconUrl").getAttribute("DefaultValue")).toBe(`${BASE}/addin/assets/icon-128.png`);
    const images = children(child(child(vo11(), NS.vo11, "Resources"), NS.bt, "Images"), NS.bt, "Image").map((i) => i.getAttribute("DefaultValue")!);
    expect(images).toEqual([16, 32, 64, 80, 128].map((s) => `${BASE}/addin/assets/icon-${s}.png`));
    for (const size of [16, 32, 64, 80, 128]) expect(pngSize(`assets/icon-${size}.png`)).toEqual([size, size]);
  });

  it("puts the service's placeholder base URL on every URL, and lists it in AppDomains", () => {
    const domains = children(child(top, NS.app, "AppDomains"), NS.app, "AppDomain").map(text);
    expect(domains).toEqual([BASE]);
    const urls = Array.from(xmlText.matchAll(/DefaultValue="(https?:[^"]*)"/g)).map((m) => m[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(9);
    for (const u of urls) expect(u.startsWith(`${BASE}/`)).toBe(true);
  });
});

function pngSize(file: string): [number, number] {
  const buf = readFileSync(path.join(root, file));
  expect(buf.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(buf.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

describe("manifest.json (unified manifest) agrees with manifest.xml", () => {
  const json = JSON.parse(readFileSync(path.join(root, "manifest.json"), "utf8"));
  const ext = json.extensions[0];
  const runtime = ext.runtimes[0];
  const control = ext.ribbons[0].tabs[0].groups[0].controls[0];

  it("has the same id, name and provider", () => {
    expect(json.id).toBe(text(child(top, NS.app, "Id")));
    expect(json.name.short).toBe(child(top, NS.app, "DisplayName").getAttribute("DefaultValue"));
    expect(json.developer.name).toBe(text(child(top, NS.app, "ProviderName")));
    expect(json.description.full).toBe(child(top, NS.app, "Description").getAttribute("DefaultValue"));
  });

  it("asks for the same permission (ReadItem = MailboxItem.Read.User) and Mailbox 1.5", () => {
    expect(json.authorization.permissions.resourceSpecific).toEqual([{ name: "MailboxItem.Read.User", type: "Delegated" }]);
    expect(ext.requirements.capabilities).toEqual([{ name: "Mailbox", minVersion: "1.5" }]);
    expect(ext.requirements.scopes).toEqual(["mail"]);
  });

  it("opens the same pinnable task pane from a read-mode button with the same icons", () => {
    expect(runtime.code.page).toBe(child(child(child(child(top, NS.app, "FormSettings"), NS.app, "Form"), NS.app, "DesktopSettings"), NS.app, "SourceLocation").getAttribute("DefaultValue"));
    expect(runtime.actions).toEqual([{ id: "TaskPaneRuntimeShow", type: "openPage", pinnable: true }]);
    expect(ext.ribbons[0].contexts).toEqual(["mailRead"]);
    expect(control.actionId).toBe("TaskPaneRuntimeShow");
    expect(control.id).toBe(all(NS.vo11, "Control")[0]!.getAttribute("id"));
    expect(control.icons.map((i: { url: string }) => i.url)).toEqual([16, 32, 80].map((s) => resource("Images", `Icon.${s}x${s}`)));
  });

  it("uses only the placeholder base URL and ships its own icons", () => {
    const urls = JSON.stringify(json).match(/https?:\/\/[^"]+/g)!.filter((u) => !u.startsWith("https://developer.microsoft.com/json-schemas/"));
    for (const u of urls) expect(u.startsWith(`${BASE}/`)).toBe(true);
    expect(pngSize(json.icons.color)).toEqual([192, 192]);
    expect(pngSize(json.icons.outline)).toEqual([32, 32]);
  });
});
