using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkSync.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InstanceCoordination : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "graphbudgets",
                columns: table => new
                {
                    mailboxid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    throttleduntilms = table.Column<long>(type: "bigint", nullable: false),
                    windowstartms = table.Column<long>(type: "bigint", nullable: false),
                    windowreserved = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graphbudgets", x => x.mailboxid);
                });

            migrationBuilder.CreateTable(
                name: "graphslots",
                columns: table => new
                {
                    mailboxid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    slot = table.Column<int>(type: "integer", nullable: false),
                    owner = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    expiresms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graphslots", x => new { x.mailboxid, x.slot });
                });

            migrationBuilder.CreateTable(
                name: "mailboxdataversions",
                columns: table => new
                {
                    mailboxid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mailboxdataversions", x => x.mailboxid);
                });

            migrationBuilder.CreateTable(
                name: "mailboxleases",
                columns: table => new
                {
                    mailboxid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    owner = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    expiresms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mailboxleases", x => x.mailboxid);
                });

            migrationBuilder.CreateTable(
                name: "pendingsyncs",
                columns: table => new
                {
                    mailboxid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    sincems = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pendingsyncs", x => x.mailboxid);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "graphbudgets");

            migrationBuilder.DropTable(
                name: "graphslots");

            migrationBuilder.DropTable(
                name: "mailboxdataversions");

            migrationBuilder.DropTable(
                name: "mailboxleases");

            migrationBuilder.DropTable(
                name: "pendingsyncs");
        }
    }
}
