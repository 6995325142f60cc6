using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkSync.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IntroducerConsentAndWaitingDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "suggestasintroducer",
                table: "mailboxsettings",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "waitingdays",
                table: "mailboxsettings",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "suggestasintroducer",
                table: "mailboxsettings");

            migrationBuilder.DropColumn(
                name: "waitingdays",
                table: "mailboxsettings");
        }
    }
}
