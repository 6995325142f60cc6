using System.Text.Json.Nodes;

namespace NetworkSync.DemoData;

/// <summary>One piece of new activity for the live demo.</summary>
/// <param name="Folder"><c>inbox</c> or <c>sentitems</c> for a message, <c>calendar</c> for a meeting.</param>
/// <param name="Resource">The Graph <c>message</c> or <c>event</c>, in exactly the fixture's shape.</param>
public sealed record TrickleItem(string Folder, JsonObject Resource);
