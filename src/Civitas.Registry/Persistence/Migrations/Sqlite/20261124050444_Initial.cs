using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civitas.Registry.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_data_keys",
                columns: table => new
                {
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Wrapped = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_data_keys", x => x.Purpose);
                });

            migrationBuilder.CreateTable(
                name: "registry_identities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UinHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Document = table.Column<byte[]>(type: "BLOB", nullable: false),
                    PinHash = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_identities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_auth_locks",
                columns: table => new
                {
                    IdentityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LockedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_auth_locks", x => new { x.IdentityId, x.AuthType });
                    table.ForeignKey(
                        name: "FK_registry_auth_locks_registry_identities_IdentityId",
                        column: x => x.IdentityId,
                        principalTable: "registry_identities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registry_vids",
                columns: table => new
                {
                    VidHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    IdentityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VidType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_vids", x => x.VidHash);
                    table.ForeignKey(
                        name: "FK_registry_vids_registry_identities_IdentityId",
                        column: x => x.IdentityId,
                        principalTable: "registry_identities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_registry_identities_UinHash",
                table: "registry_identities",
                column: "UinHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registry_vids_IdentityId",
                table: "registry_vids",
                column: "IdentityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_auth_locks");

            migrationBuilder.DropTable(
                name: "registry_data_keys");

            migrationBuilder.DropTable(
                name: "registry_vids");

            migrationBuilder.DropTable(
                name: "registry_identities");
        }
    }
}
