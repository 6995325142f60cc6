namespace NetworkSync.GraphEmulator.Http;

/// <summary>The errors the To Do endpoints answer with, in Graph's error shape.</summary>
internal static class TodoErrors
{
    /// <summary>Unknown list, task or linked resource: what Exchange-backed To Do answers.</summary>
    public static GraphResponse NotFound(GraphCall call) =>
        GraphErrors.Create(call, 404, "ErrorItemNotFound", "The specified object was not found in the store.");

    /// <summary>A body that parsed but does not describe a valid object.</summary>
    public static GraphResponse Invalid(GraphCall call, string message) =>
        GraphErrors.Create(call, 400, "invalidRequest", message);
}
