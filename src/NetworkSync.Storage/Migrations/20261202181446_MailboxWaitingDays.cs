using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkSync.Storage.Migrations
{
    /// <inheritdoc />
    public partial class MailboxWaitingDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "WaitingDays",
                table: "MailboxSettings",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WaitingDays",
                table: "MailboxSettings");
        }
    }
}
