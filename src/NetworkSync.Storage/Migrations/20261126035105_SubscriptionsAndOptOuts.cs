using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkSync.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SubscriptionsAndOptOuts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OptedOutMailboxes",
                columns: table => new
                {
                    UserIdHash = table.Column<string>(type: "TEXT", nullable: false),
                    OptedOutMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OptedOutMailboxes", x => x.UserIdHash);
                });

            migrationBuilder.CreateTable(
                name: "Subscriptions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    MailboxId = table.Column<string>(type: "TEXT", nullable: false),
                    Collection = table.Column<string>(type: "TEXT", nullable: false),
                    ClientStateHash = table.Column<string>(type: "TEXT", nullable: false),
                    ExpiresMs = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subscriptions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_MailboxId",
                table: "Subscriptions",
                column: "MailboxId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OptedOutMailboxes");

            migrationBuilder.DropTable(
                name: "Subscriptions");
        }
    }
}
