using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkSync.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SyncFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ConsecutiveFailures",
                table: "Mailboxes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastFailureKind",
                table: "Mailboxes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextAttemptMs",
                table: "Mailboxes",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConsecutiveFailures",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "LastFailureKind",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "NextAttemptMs",
                table: "Mailboxes");
        }
    }
}
