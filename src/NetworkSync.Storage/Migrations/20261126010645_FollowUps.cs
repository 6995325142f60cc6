using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkSync.Storage.Migrations
{
    /// <inheritdoc />
    public partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ResourceId",
                table: "SyncStates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    MailboxId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", nullable: true),
                    Contacts = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    DueMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ReminderMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    SnoozedUntilMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedMs = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedMs = table.Column<long>(type: "INTEGER", nullable: true),
                    MeetingSubject = table.Column<string>(type: "TEXT", nullable: true),
                    MeetingStartMs = table.Column<long>(type: "INTEGER", nullable: true),
                    MeetingEndMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Briefing = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TodoTaskId = table.Column<string>(type: "TEXT", nullable: true),
                    TodoPushedVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    TodoCreatePending = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => new { x.MailboxId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "MailboxSettings",
                columns: table => new
                {
                    MailboxId = table.Column<string>(type: "TEXT", nullable: false),
                    OutlookTimeZone = table.Column<string>(type: "TEXT", nullable: true),
                    OutlookWorkingDays = table.Column<string>(type: "TEXT", nullable: true),
                    OutlookWorkStart = table.Column<string>(type: "TEXT", nullable: true),
                    OutlookWorkEnd = table.Column<string>(type: "TEXT", nullable: true),
                    UserTimeZone = table.Column<string>(type: "TEXT", nullable: true),
                    UserWorkingDays = table.Column<string>(type: "TEXT", nullable: true),
                    UserWorkStart = table.Column<string>(type: "TEXT", nullable: true),
                    UserWorkEnd = table.Column<string>(type: "TEXT", nullable: true),
                    TodoEnabled = table.Column<bool>(type: "INTEGER", nullable: true),
                    UpdatedMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxSettings", x => x.MailboxId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_MailboxId_Key",
                table: "FollowUps",
                columns: new[] { "MailboxId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_MailboxId_TodoTaskId",
                table: "FollowUps",
                columns: new[] { "MailboxId", "TodoTaskId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "MailboxSettings");

            migrationBuilder.DropColumn(
                name: "ResourceId",
                table: "SyncStates");
        }
    }
}
