using System.Text.Json;
using NetworkSync.GraphEmulator.Storage;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// GET /users/{id}/mailFolders/{id}/messages/delta (learn.microsoft.com/graph/api/message-delta):
/// a full round lists the folder's messages; a deltaLink round lists messages added or changed since,
/// and @removed (reason "deleted") for messages deleted or moved out of the folder.
/// </summary>
internal sealed class MessageDeltaEndpoint(GraphEmulatorOptions options, string epoch)
{
    private static readonly JsonEncodedText ODataType = JsonEncodedText.Encode("@odata.type");
    private static readonly JsonEncodedText MessageType = JsonEncodedText.Encode("#microsoft.graph.message");
    private static readonly JsonEncodedText ETagName = JsonEncodedText.Encode("@odata.etag");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText ParentFolderIdName = JsonEncodedText.Encode("parentFolderId");
    private static readonly int ParentFolderIdIndex = PropertyNames.IndexOf("parentFolderId");

    public GraphResponse Handle(GraphCall call, MailboxData mailbox)
    {
        var folder = mailbox.FindFolder(call.Route.Folder!);
        if (folder is null)
        {
            return GraphErrors.Create(call, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
        }

        var messages = folder.Messages;
        var current = messages.CurrentSequence;
        var error = DeltaRequest.TryResume(call, epoch, DeltaCollectionKind.Messages, mailbox.UserId, folder.Id, current, out var state);
        if (error is not null)
        {
            return error;
        }

        state ??= new DeltaState(
            DeltaCollectionKind.Messages, epoch, mailbox.UserId, folder.Id, Since: 0, UpTo: current, After: 0,
            SelectList.Parse(call.Query("$select"))?.Text, default, default);
        var select = SelectList.Parse(state.Select);
        var pageSize = DeltaRequest.PageSize(call, options);
        var immutable = call.Prefer.ImmutableId;
        if (immutable)
        {
            call.PreferencesApplied.Add("IdType=\"ImmutableId\"");
        }

        var since = state.Since;
        var page = messages.ReadPage(state.After, state.UpTo, pageSize, entry =>
            entry.IsRemoved
                ? (since == 0 || entry.CreatedSequence > since ? DeltaEmit.Skip : DeltaEmit.Removed)
                : DeltaEmit.Item);

        var writeParentFolder = select is null || select.Contains("parentFolderId");
        return GraphResponse.Json(200, writer =>
        {
            writer.WriteStartObject();
            DeltaRequest.WriteLinks(writer, call, "message", state, page.LastSequence, page.Complete, options.ReplayDeltaPages);
            writer.WriteStartArray("value");
            foreach (var (entry, emit) in page.Entries)
            {
                var message = entry.Item;
                writer.WriteStartObject();
                writer.WriteString(ODataType, MessageType);
                if (emit == DeltaEmit.Removed)
                {
                    writer.WriteString(IdName, message.IdFor(immutable));
                    writer.WriteStartObject("@removed");
                    writer.WriteString("reason", "deleted");
                    writer.WriteEndObject();
                }
                else if (PartialSelect(entry, since, select) is { } changed)
                {
                    writer.WriteString(ETagName, DeltaRequest.ETag(entry.Sequence));
                    message.Json.WriteProperties(writer, changed, overridden: ParentFolderIdIndex);
                    writer.WriteString(IdName, message.IdFor(immutable));
                }
                else
                {
                    writer.WriteString(ETagName, DeltaRequest.ETag(entry.Sequence));
                    message.Json.WriteProperties(writer, select, overridden: ParentFolderIdIndex);
                    if (writeParentFolder)
                    {
                        writer.WriteString(ParentFolderIdName, message.FolderId);
                    }

                    writer.WriteString(IdName, message.IdFor(immutable));
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }, sizeHint: 1024 + (page.Entries.Count * 1024));
    }

    /// <summary>
    /// In partial-update mode, the properties to send for a message the client already has (created before
    /// the round's token) that changed once since: those that differ from its state at the token, within the
    /// $select. null: send the whole item (a new message, or an earlier state the emulator no longer knows).
    /// An empty list is possible (only unselected properties changed): Graph then sends the bare id.
    /// </summary>
    private SelectList? PartialSelect(ChangeEntry<MailMessage> entry, long since, SelectList? select)
    {
        if (!options.PartialUpdates || since == 0 || entry.CreatedSequence > since
            || entry.Item.Previous is not { } before || entry.Item.PreviousSequence > since)
        {
            return null;
        }

        var changed = entry.Item.Json.ChangedSince(before.Json).Where(name => select is null || select.Contains(name));
        return SelectList.Only(changed);
    }
}
