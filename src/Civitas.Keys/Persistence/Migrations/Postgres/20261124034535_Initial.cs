using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civitas.Keys.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "keys_key_alias",
                columns: table => new
                {
                    Alias = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApplicationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReferenceId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Algorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    GeneratedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Thumbprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CertificatePem = table.Column<string>(type: "text", nullable: false),
                    PrivateKeyLocation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    WrappedPrivateKey = table.Column<byte[]>(type: "bytea", nullable: true),
                    WrappedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UniqueIdentifier = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_keys_key_alias", x => x.Alias);
                });

            migrationBuilder.CreateTable(
                name: "keys_stored_key",
                columns: table => new
                {
                    Alias = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublicKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    WrappedPrivateKey = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_keys_stored_key", x => x.Alias);
                });

            migrationBuilder.CreateTable(
                name: "keys_trust_certificate",
                columns: table => new
                {
                    CertificateId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PartnerDomain = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectDn = table.Column<string>(type: "text", nullable: false),
                    IssuerDn = table.Column<string>(type: "text", nullable: false),
                    Thumbprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CertificatePem = table.Column<string>(type: "text", nullable: false),
                    NotBeforeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NotAfterUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OrganizationName = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_keys_trust_certificate", x => x.CertificateId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_keys_key_alias_ApplicationId_ReferenceId",
                table: "keys_key_alias",
                columns: new[] { "ApplicationId", "ReferenceId" });

            migrationBuilder.CreateIndex(
                name: "IX_keys_key_alias_Thumbprint",
                table: "keys_key_alias",
                column: "Thumbprint");

            migrationBuilder.CreateIndex(
                name: "IX_keys_trust_certificate_Thumbprint",
                table: "keys_trust_certificate",
                column: "Thumbprint",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "keys_key_alias");

            migrationBuilder.DropTable(
                name: "keys_stored_key");

            migrationBuilder.DropTable(
                name: "keys_trust_certificate");
        }
    }
}
