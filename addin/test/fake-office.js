/*
 * A minimal fake of Outlook's office.js for browser end-to-end tests. Plain script, no build:
 * serve it where the task pane loads office.js (https://appsforoffice.microsoft.com/lib/1/hosted/office.js).
 *
 * Before it loads, a test may set (e.g. with Playwright's addInitScript):
 *   window.__nsFakeItem  = { subject, from: { emailAddress, displayName }, to: [...], cc: [...] }
 *                          (null or absent: no item selected, the pane shows the network overview;
 *                          plain address strings are accepted for from/to/cc too)
 *   window.__nsFakeTheme = { bodyBackgroundColor: "#1f1f1f", ... }   (optional officeTheme)
 *   window.__nsFakeNestedAppAuth = true   (optional: report NestedAppAuth 1.1 as supported)
 *
 * Then, from the test:
 *   window.__nsFakeOffice.changeItem(item)   sets the item and raises ItemChanged (as a pinned pane
 *                                            sees when the user selects another message); returns
 *                                            true when the pane had registered a handler
 *   window.__nsFakeOffice.setTheme(theme)    sets officeTheme and raises OfficeThemeChanged
 *   window.__nsFakeOffice.handlers           the registered handlers, by event type
 */
(function () {
  "use strict";
  var w = window;
  var EventType = {
    ItemChanged: "olkItemSelectedChanged",
    OfficeThemeChanged: "officeThemeChanged",
    RecipientsChanged: "olkRecipientsChanged",
    AttachmentsChanged: "olkAttachmentsChanged",
  };
  var AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };
  var handlers = {};

  function details(p) {
    if (p === null || p === undefined) return p;
    if (typeof p === "string") return { emailAddress: p, displayName: p, recipientType: "other" };
    return {
      emailAddress: p.emailAddress || p.address || "",
      displayName: p.displayName || p.name || "",
      recipientType: p.recipientType || "other",
    };
  }
  function list(v) {
    if (!v) return [];
    return (Array.isArray(v) ? v : [v]).map(details);
  }
  function makeItem(src) {
    if (!src) return null;
    var from = details(src.from);
    return {
      itemType: src.itemType || "message",
      itemId: src.itemId || "fake-item-" + Math.random().toString(36).slice(2),
      conversationId: src.conversationId || null,
      internetMessageId: src.internetMessageId || null,
      subject: src.subject || "",
      from: from,
      sender: details(src.sender) || from,
      to: list(src.to),
      cc: list(src.cc),
      dateTimeCreated: new Date(),
      dateTimeModified: new Date(),
    };
  }
  function result(value) {
    return { status: AsyncResultStatus.Succeeded, value: value, error: null, asyncContext: undefined };
  }

  var mailbox = {
    item: makeItem(w.__nsFakeItem),
    userProfile: { emailAddress: "me@contoso.example", displayName: "Me", timeZone: "UTC" },
    diagnostics: { hostName: "OutlookWebApp", hostVersion: "fake" },
    addHandlerAsync: function (eventType, handler, options, callback) {
      if (typeof options === "function") callback = options;
      handlers[eventType] = handler;
      if (typeof callback === "function") setTimeout(function () { callback(result(undefined)); }, 0);
    },
    removeHandlerAsync: function (eventType, options, callback) {
      if (typeof options === "function") callback = options;
      delete handlers[eventType];
      if (typeof callback === "function") setTimeout(function () { callback(result(undefined)); }, 0);
    },
  };

  var context = {
    mailbox: mailbox,
    officeTheme: w.__nsFakeTheme || undefined,
    host: "Outlook",
    platform: "OfficeOnline",
    displayLanguage: "en-US",
    contentLanguage: "en-US",
    requirements: {
      isSetSupported: function (name, version) {
        if (name === "Mailbox") return !version || parseFloat(version) <= 1.14;
        if (name === "NestedAppAuth") return w.__nsFakeNestedAppAuth === true;
        return false;
      },
    },
  };

  var readyInfo = { host: "Outlook", platform: "OfficeOnline" };
  var Office = {
    context: context,
    EventType: EventType,
    AsyncResultStatus: AsyncResultStatus,
    HostType: { Outlook: "Outlook" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    MailboxEnums: { ItemType: { Message: "message", Appointment: "appointment" } },
    onReady: function (callback) {
      var p = new Promise(function (resolve) { setTimeout(function () { resolve(readyInfo); }, 0); });
      if (typeof callback === "function") p.then(callback);
      return p;
    },
  };

  w.Office = Office;
  w.__nsFakeOffice = {
    handlers: handlers,
    changeItem: function (item) {
      mailbox.item = makeItem(item);
      var handler = handlers[EventType.ItemChanged];
      if (typeof handler === "function") {
        handler({ type: EventType.ItemChanged });
        return true;
      }
      return false;
    },
    setTheme: function (theme) {
      context.officeTheme = theme;
      var handler = handlers[EventType.OfficeThemeChanged];
      if (typeof handler === "function") {
        handler({ type: EventType.OfficeThemeChanged, officeTheme: theme });
        return true;
      }
      return false;
    },
  };
})();
