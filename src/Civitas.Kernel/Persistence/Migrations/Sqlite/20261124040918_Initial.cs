using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civitas.Kernel.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kernel_license_key",
                columns: table => new
                {
                    license_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    tsp_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kernel_license_key", x => x.license_key);
                });

            migrationBuilder.CreateTable(
                name: "kernel_otp",
                columns: table => new
                {
                    key_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    otp_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    expires_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    frozen_until_ms = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kernel_otp", x => x.key_hash);
                });

            migrationBuilder.CreateTable(
                name: "kernel_rid_sequence",
                columns: table => new
                {
                    center_id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    machine_id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kernel_rid_sequence", x => new { x.center_id, x.machine_id });
                });

            migrationBuilder.CreateTable(
                name: "kernel_uin",
                columns: table => new
                {
                    uin = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kernel_uin", x => x.uin);
                });

            migrationBuilder.CreateTable(
                name: "kernel_vid",
                columns: table => new
                {
                    vid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    vid_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at_ms = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kernel_vid", x => x.vid);
                });

            migrationBuilder.CreateTable(
                name: "kernel_license_permission",
                columns: table => new
                {
                    license_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    permission = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kernel_license_permission", x => new { x.license_key, x.permission });
                    table.ForeignKey(
                        name: "FK_kernel_license_permission_kernel_license_key_license_key",
                        column: x => x.license_key,
                        principalTable: "kernel_license_key",
                        principalColumn: "license_key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_uin_unused",
                table: "kernel_uin",
                column: "status",
                filter: "status = 'UNUSED'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_license_permission");

            migrationBuilder.DropTable(
                name: "kernel_otp");

            migrationBuilder.DropTable(
                name: "kernel_rid_sequence");

            migrationBuilder.DropTable(
                name: "kernel_uin");

            migrationBuilder.DropTable(
                name: "kernel_vid");

            migrationBuilder.DropTable(
                name: "kernel_license_key");
        }
    }
}
