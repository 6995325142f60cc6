namespace NetworkSync.DemoData;

/// <summary>What <see cref="DemoFixtureWriter.Write"/> produced.</summary>
/// <param name="UserId">The mailbox's user id (the folder name under <c>users/</c>).</param>
/// <param name="Mail">The mailbox's primary address.</param>
/// <param name="Messages">Messages across all mail folders.</param>
/// <param name="Events">Calendar instances in <c>calendarView.json</c>.</param>
/// <param name="Contacts">Entries in the truth file's <c>contacts</c>.</param>
/// <param name="TruthPath">Full path of <c>planted-truth.json</c>.</param>
public sealed record DemoFixtureSummary(string UserId, string Mail, int Messages, int Events, int Contacts, string TruthPath);
