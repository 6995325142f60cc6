using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkSync.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    MailboxId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false),
                    SeriesMasterId = table.Column<string>(type: "TEXT", nullable: true),
                    Type = table.Column<string>(type: "TEXT", nullable: false),
                    StartMs = table.Column<long>(type: "INTEGER", nullable: false),
                    EndMs = table.Column<long>(type: "INTEGER", nullable: false),
                    IsAllDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsCancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsOrganizer = table.Column<bool>(type: "INTEGER", nullable: false),
                    Response = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizerAddress = table.Column<string>(type: "TEXT", nullable: true),
                    OrganizerName = table.Column<string>(type: "TEXT", nullable: true),
                    Attendees = table.Column<string>(type: "TEXT", nullable: false),
                    AttendeeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => new { x.MailboxId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Mailboxes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Mail = table.Column<string>(type: "TEXT", nullable: false),
                    UserPrincipalName = table.Column<string>(type: "TEXT", nullable: true),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    Aliases = table.Column<string>(type: "TEXT", nullable: false),
                    LastSyncStatus = table.Column<string>(type: "TEXT", nullable: false),
                    LastSyncError = table.Column<string>(type: "TEXT", nullable: true),
                    LastSyncStartedMs = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSyncCompletedMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mailboxes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Messages",
                columns: table => new
                {
                    MailboxId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Folder = table.Column<string>(type: "TEXT", nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false),
                    SentMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedMs = table.Column<long>(type: "INTEGER", nullable: false),
                    FromAddress = table.Column<string>(type: "TEXT", nullable: true),
                    FromName = table.Column<string>(type: "TEXT", nullable: true),
                    Recipients = table.Column<string>(type: "TEXT", nullable: false),
                    RecipientCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", nullable: true),
                    InternetMessageId = table.Column<string>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", nullable: true),
                    IsDraft = table.Column<bool>(type: "INTEGER", nullable: false),
                    InferenceClassification = table.Column<string>(type: "TEXT", nullable: true),
                    BulkSignals = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Messages", x => new { x.MailboxId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "SyncStates",
                columns: table => new
                {
                    MailboxId = table.Column<string>(type: "TEXT", nullable: false),
                    Collection = table.Column<string>(type: "TEXT", nullable: false),
                    DeltaLink = table.Column<string>(type: "TEXT", nullable: true),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowStartMs = table.Column<long>(type: "INTEGER", nullable: true),
                    WindowEndMs = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncStates", x => new { x.MailboxId, x.Collection });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Events_MailboxId_Generation",
                table: "Events",
                columns: new[] { "MailboxId", "Generation" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_MailboxId_StartMs",
                table: "Events",
                columns: new[] { "MailboxId", "StartMs" });

            migrationBuilder.CreateIndex(
                name: "IX_Mailboxes_Mail",
                table: "Mailboxes",
                column: "Mail");

            migrationBuilder.CreateIndex(
                name: "IX_Mailboxes_UserPrincipalName",
                table: "Mailboxes",
                column: "UserPrincipalName");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_MailboxId_Folder_Generation",
                table: "Messages",
                columns: new[] { "MailboxId", "Folder", "Generation" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Events");

            migrationBuilder.DropTable(
                name: "Mailboxes");

            migrationBuilder.DropTable(
                name: "Messages");

            migrationBuilder.DropTable(
                name: "SyncStates");
        }
    }
}
