using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civitas.Partners.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "partners_misps",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    LicenseKeyHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_misps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "partners_policies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AllowedAuthTypes = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    MandatoryAuthTypes = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    AllowedKycAttributes = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    AuthTokenType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "partners_partners",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    MispId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PolicyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApiKeyHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    CertificatePem = table.Column<string>(type: "text", nullable: false),
                    CertificateThumbprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TrustCertificateId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_partners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_partners_partners_partners_misps_MispId",
                        column: x => x.MispId,
                        principalTable: "partners_misps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_partners_partners_partners_policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "partners_policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_partners_misps_LicenseKeyHash",
                table: "partners_misps",
                column: "LicenseKeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_partners_partners_CertificateThumbprint",
                table: "partners_partners",
                column: "CertificateThumbprint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_partners_partners_MispId",
                table: "partners_partners",
                column: "MispId");

            migrationBuilder.CreateIndex(
                name: "IX_partners_partners_PolicyId",
                table: "partners_partners",
                column: "PolicyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "partners_partners");

            migrationBuilder.DropTable(
                name: "partners_misps");

            migrationBuilder.DropTable(
                name: "partners_policies");
        }
    }
}
