using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkSync.Storage.Migrations
{
    /// <inheritdoc />
    public partial class IntroducerConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SuggestAsIntroducer",
                table: "MailboxSettings",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SuggestAsIntroducer",
                table: "MailboxSettings");
        }
    }
}
