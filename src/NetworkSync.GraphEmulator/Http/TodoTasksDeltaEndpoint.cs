using NetworkSync.GraphEmulator.Storage;
using NetworkSync.GraphEmulator.Todo;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// GET /users/{id}/todo/lists/{listId}/tasks/delta (learn.microsoft.com/graph/api/todotask-delta): a
/// full round lists the tasks; a deltaLink round lists tasks created or changed since (whole objects)
/// and deleted ones as @removed. $select and $expand=linkedResources from the first request live in the
/// tokens. A token the emulator cannot use (garbled, another list's, from an earlier run) is a 410
/// syncStateNotFound, so a client's one recovery path, a full resync, covers them all.
/// </summary>
internal sealed class TodoTasksDeltaEndpoint(GraphEmulatorOptions options, string epoch)
{
    public GraphResponse Handle(GraphCall call, MailboxData mailbox, TodoListData list)
    {
        var tasks = list.Tasks;
        var current = tasks.CurrentSequence;
        var error = DeltaRequest.TryResume(call, epoch, DeltaCollectionKind.TodoTasks, mailbox.UserId, list.Id, current, out var state, invalidTokenIsGone: true);
        if (error is not null)
        {
            return error;
        }

        state ??= new DeltaState(
            DeltaCollectionKind.TodoTasks, epoch, mailbox.UserId, list.Id, Since: 0, UpTo: current, After: 0,
            SelectList.Parse(call.Query("$select"))?.Text, default, default,
            TodoJsonWriter.ExpandsLinkedResources(call.Query("$expand")) ? DeltaFlags.ExpandLinkedResources : DeltaFlags.None);
        var select = SelectList.Parse(state.Select);
        var expand = state.Flags.HasFlag(DeltaFlags.ExpandLinkedResources);
        var pageSize = DeltaRequest.PageSize(call, options);
        var since = state.Since;
        var page = tasks.ReadPage(state.After, state.UpTo, pageSize, entry =>
            entry.IsRemoved
                ? (since == 0 || entry.CreatedSequence > since ? DeltaEmit.Skip : DeltaEmit.Removed)
                : DeltaEmit.Item);

        return GraphResponse.Json(200, writer =>
        {
            writer.WriteStartObject();
            DeltaRequest.WriteLinks(writer, call, "todoTask", state with { After = page.LastSequence }, page.Complete);
            writer.WriteStartArray("value");
            foreach (var (entry, emit) in page.Entries)
            {
                if (emit == DeltaEmit.Removed)
                {
                    TodoJsonWriter.WriteRemoved(writer, entry.Key);
                    continue;
                }

                writer.WriteStartObject();
                TodoJsonWriter.WriteTaskProperties(writer, entry.Item, select, expand, withType: true);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }, sizeHint: 1024 + (page.Entries.Count * 1024));
    }
}
