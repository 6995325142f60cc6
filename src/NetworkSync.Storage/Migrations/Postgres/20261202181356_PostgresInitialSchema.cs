using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkSync.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostgresInitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contactoverrides",
                columns: table => new
                {
                    mailboxid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    address = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    kind = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    otheraddress = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    createdms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contactoverrides", x => new { x.mailboxid, x.address, x.kind, x.otheraddress });
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    mailboxid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    generation = table.Column<long>(type: "bigint", nullable: false),
                    seriesmasterid = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    type = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    startms = table.Column<long>(type: "bigint", nullable: false),
                    endms = table.Column<long>(type: "bigint", nullable: false),
                    isallday = table.Column<bool>(type: "boolean", nullable: false),
                    iscancelled = table.Column<bool>(type: "boolean", nullable: false),
                    isorganizer = table.Column<bool>(type: "boolean", nullable: false),
                    response = table.Column<int>(type: "integer", nullable: false),
                    organizeraddress = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    organizername = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    attendees = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    attendeecount = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    timezone = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_events", x => new { x.mailboxid, x.id });
                });

            migrationBuilder.CreateTable(
                name: "followups",
                columns: table => new
                {
                    mailboxid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    key = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    kind = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    eventid = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    contacts = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    title = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    duems = table.Column<long>(type: "bigint", nullable: false),
                    reminderms = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    snoozeduntilms = table.Column<long>(type: "bigint", nullable: true),
                    resolution = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    createdms = table.Column<long>(type: "bigint", nullable: false),
                    updatedms = table.Column<long>(type: "bigint", nullable: false),
                    completedms = table.Column<long>(type: "bigint", nullable: true),
                    meetingsubject = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    meetingstartms = table.Column<long>(type: "bigint", nullable: true),
                    meetingendms = table.Column<long>(type: "bigint", nullable: true),
                    briefing = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    todotaskid = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    todopushedversion = table.Column<long>(type: "bigint", nullable: false),
                    todocreatepending = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_followups", x => new { x.mailboxid, x.id });
                });

            migrationBuilder.CreateTable(
                name: "mailboxes",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    mail = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    userprincipalname = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    displayname = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    aliases = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    lastsyncstatus = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    lastsyncerror = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    lastsyncstartedms = table.Column<long>(type: "bigint", nullable: true),
                    lastsynccompletedms = table.Column<long>(type: "bigint", nullable: true),
                    lastfailurekind = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    consecutivefailures = table.Column<int>(type: "integer", nullable: false),
                    nextattemptms = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mailboxes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "mailboxsettings",
                columns: table => new
                {
                    mailboxid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    outlooktimezone = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    outlookworkingdays = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    outlookworkstart = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    outlookworkend = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    usertimezone = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    userworkingdays = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    userworkstart = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    userworkend = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    dormantdays = table.Column<int>(type: "integer", nullable: true),
                    todoenabled = table.Column<bool>(type: "boolean", nullable: true),
                    updatedms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mailboxsettings", x => x.mailboxid);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    mailboxid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    folder = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    generation = table.Column<long>(type: "bigint", nullable: false),
                    sentms = table.Column<long>(type: "bigint", nullable: false),
                    receivedms = table.Column<long>(type: "bigint", nullable: false),
                    fromaddress = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    fromname = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    recipients = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    recipientcount = table.Column<int>(type: "integer", nullable: false),
                    conversationid = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    internetmessageid = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    subject = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    isdraft = table.Column<bool>(type: "boolean", nullable: false),
                    inferenceclassification = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    bulksignals = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messages", x => new { x.mailboxid, x.id });
                });

            migrationBuilder.CreateTable(
                name: "optedoutmailboxes",
                columns: table => new
                {
                    useridhash = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    optedoutms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_optedoutmailboxes", x => x.useridhash);
                });

            migrationBuilder.CreateTable(
                name: "subscriptions",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    mailboxid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    collection = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    clientstatehash = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    expiresms = table.Column<long>(type: "bigint", nullable: false),
                    createdms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "syncstates",
                columns: table => new
                {
                    mailboxid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    collection = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    deltalink = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    resourceid = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    generation = table.Column<long>(type: "bigint", nullable: false),
                    windowstartms = table.Column<long>(type: "bigint", nullable: true),
                    windowendms = table.Column<long>(type: "bigint", nullable: true),
                    updatedms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_syncstates", x => new { x.mailboxid, x.collection });
                });

            migrationBuilder.CreateTable(
                name: "warmthmodels",
                columns: table => new
                {
                    mailboxid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    formatversion = table.Column<int>(type: "integer", nullable: false),
                    weights = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    source = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    reason = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    fittedatms = table.Column<long>(type: "bigint", nullable: false),
                    interactions = table.Column<int>(type: "integer", nullable: false),
                    examples = table.Column<int>(type: "integer", nullable: false),
                    updatedms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_warmthmodels", x => x.mailboxid);
                });

            migrationBuilder.CreateIndex(
                name: "IX_events_mailboxid_generation",
                table: "events",
                columns: new[] { "mailboxid", "generation" });

            migrationBuilder.CreateIndex(
                name: "IX_events_mailboxid_startms",
                table: "events",
                columns: new[] { "mailboxid", "startms" });

            migrationBuilder.CreateIndex(
                name: "IX_followups_mailboxid_key",
                table: "followups",
                columns: new[] { "mailboxid", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_followups_mailboxid_todotaskid",
                table: "followups",
                columns: new[] { "mailboxid", "todotaskid" });

            migrationBuilder.CreateIndex(
                name: "IX_mailboxes_mail",
                table: "mailboxes",
                column: "mail");

            migrationBuilder.CreateIndex(
                name: "IX_mailboxes_userprincipalname",
                table: "mailboxes",
                column: "userprincipalname");

            migrationBuilder.CreateIndex(
                name: "IX_messages_mailboxid_folder_generation",
                table: "messages",
                columns: new[] { "mailboxid", "folder", "generation" });

            migrationBuilder.CreateIndex(
                name: "IX_subscriptions_mailboxid",
                table: "subscriptions",
                column: "mailboxid");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contactoverrides");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "followups");

            migrationBuilder.DropTable(
                name: "mailboxes");

            migrationBuilder.DropTable(
                name: "mailboxsettings");

            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropTable(
                name: "optedoutmailboxes");

            migrationBuilder.DropTable(
                name: "subscriptions");

            migrationBuilder.DropTable(
                name: "syncstates");

            migrationBuilder.DropTable(
                name: "warmthmodels");
        }
    }
}
