using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civitas.Audit.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_chain_head",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    last_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    last_hash = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_chain_head", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    event_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    action_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    host_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    host_ip = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    application_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    application_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    session_user_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    session_user_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ref_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ref_id_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    module_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    module_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    hash = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.sequence);
                });

            migrationBuilder.InsertData(
                table: "audit_chain_head",
                columns: new[] { "id", "last_hash", "last_sequence" },
                values: new object[] { 1, new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_action_time",
                table: "audit_entries",
                column: "action_time");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_event_type_action_time",
                table: "audit_entries",
                columns: new[] { "event_type", "action_time" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_ref_id",
                table: "audit_entries",
                column: "ref_id");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_session_user_id",
                table: "audit_entries",
                column: "session_user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_chain_head");

            migrationBuilder.DropTable(
                name: "audit_entries");
        }
    }
}
