using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civitas.Authentication.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "authentication_otp_failures",
                columns: table => new
                {
                    IndividualHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    FailedCount = table.Column<int>(type: "integer", nullable: false),
                    FrozenUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_authentication_otp_failures", x => x.IndividualHash);
                });

            migrationBuilder.CreateTable(
                name: "authentication_otp_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndividualHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    PartnerId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    TransactionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_authentication_otp_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "authentication_secrets",
                columns: table => new
                {
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Wrapped = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_authentication_secrets", x => x.Purpose);
                });

            migrationBuilder.CreateTable(
                name: "authentication_seen_transactions",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_authentication_seen_transactions", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "authentication_transactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndividualHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    IndividualIdType = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    AuthToken = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    PartnerId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    TransactionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AuthTypes = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    ErrorCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    RequestTimeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResponseTimeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_authentication_transactions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_authentication_otp_requests_IndividualHash_CreatedAtUtc",
                table: "authentication_otp_requests",
                columns: new[] { "IndividualHash", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_authentication_seen_transactions_ExpiresAtUtc",
                table: "authentication_seen_transactions",
                column: "ExpiresAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_authentication_transactions_IndividualHash_RequestTimeUtc",
                table: "authentication_transactions",
                columns: new[] { "IndividualHash", "RequestTimeUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "authentication_otp_failures");

            migrationBuilder.DropTable(
                name: "authentication_otp_requests");

            migrationBuilder.DropTable(
                name: "authentication_secrets");

            migrationBuilder.DropTable(
                name: "authentication_seen_transactions");

            migrationBuilder.DropTable(
                name: "authentication_transactions");
        }
    }
}
